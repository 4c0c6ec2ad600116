package care.messaging.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "practice")
public class Practice {

    /** The nil practice of hospital IT's operator accounts: it holds no client, so no conversation is ever theirs. */
    public static final UUID NONE = new UUID(0, 0);
    /** What the portal shows in its composer area until the practice's admins word it themselves. */
    public static final String DEFAULT_PORTAL_NOTICE = "Messages are not monitored around the clock. In an emergency call 911 or 988.";

    @Id
    private UUID id;
    private String name;
    /** Off: nobody of the practice can send; everything written stays readable. */
    @Column(name = "messaging_enabled")
    private boolean messagingEnabled = true;
    /** Null: {@link #DEFAULT_PORTAL_NOTICE}. Validated by the settings component before it gets here. */
    @Column(name = "portal_notice")
    private String portalNotice;
    /** Whom clients call instead when they may not write; null when the practice gave none. */
    @Column(name = "contact_phone")
    private String contactPhone;
    /** Set by the database as the row is inserted (the transaction's time); read back with a refresh. */
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

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

    public OffsetDateTime createdAt() {
        return createdAt;
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

    public String portalNotice() {
        return portalNotice == null ? DEFAULT_PORTAL_NOTICE : portalNotice;
    }

    public boolean hasDefaultPortalNotice() {
        return portalNotice == null;
    }

    public String contactPhone() {
        return contactPhone;
    }

    /** The portal's texts, already validated (null notice: the default; null phone: none). Answers whether they changed. */
    public boolean tellClients(String notice, String phone) {
        var changed = !Objects.equals(portalNotice, notice) || !Objects.equals(contactPhone, phone);
        portalNotice = notice;
        contactPhone = phone;
        return changed;
    }
}
