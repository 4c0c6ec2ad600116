package care.messaging.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A person receiving care. A minor is reached through their guardians' portal accounts. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    @Column(name = "display_name")
    private String displayName;
    private boolean minor;
    private boolean enabled = true;
    /** Off: the client's threads are locked for both sides; the history stays readable. */
    @Column(name = "messaging_enabled")
    private boolean messagingEnabled = true;
    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    protected Client() {
    }

    public Client(UUID practiceId, String displayName, boolean minor) {
        this.id = UUID.randomUUID();
        this.practiceId = practiceId;
        this.displayName = displayName;
        this.minor = minor;
    }

    public boolean belongsTo(UUID practice) {
        return practiceId.equals(practice);
    }

    public UUID id() {
        return id;
    }

    public UUID practiceId() {
        return practiceId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isMinor() {
        return minor;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMessagingEnabled() {
        return messagingEnabled;
    }

    /** Answers whether the switch moved. */
    public boolean switchMessaging(boolean enabled) {
        var changed = messagingEnabled != enabled;
        messagingEnabled = enabled;
        return changed;
    }

    /** Discharged (off) or re-admitted (on): a discharged client's portal accounts no longer act for them. Answers whether it moved. */
    public boolean switchCare(boolean inCare) {
        var changed = enabled != inCare;
        enabled = inCare;
        return changed;
    }

    /** Null when the admin has not recorded it. */
    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public void recordDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }
}
