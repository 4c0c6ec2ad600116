package care.messaging.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "practice")
public class Practice {

    /** The nil practice of hospital IT's operator accounts: it holds no client, so no conversation is ever theirs. */
    public static final UUID NONE = new UUID(0, 0);

    @Id
    private UUID id;
    private String name;
    /** Off: nobody of the practice can send; everything written stays readable. */
    @Column(name = "messaging_enabled")
    private boolean messagingEnabled = true;

    protected Practice() {
    }

    public Practice(String name) {
        this.id = UUID.randomUUID();
        this.name = name;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
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
}
