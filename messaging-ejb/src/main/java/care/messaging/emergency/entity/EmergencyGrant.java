package care.messaging.emergency.entity;

import care.messaging.conversation.entity.Conversation;
import care.messaging.crypto.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An admin's emergency access to one conversation: who, why (encrypted), from when, until when. */
@Entity
@Table(name = "emergency_access")
public class EmergencyGrant {

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    @Column(name = "conversation_id")
    private UUID conversationId;
    @Column(name = "admin_id")
    private UUID adminId;
    private byte[] reason;
    @Column(name = "reason_key")
    private int reasonKey;
    @Column(name = "granted_at")
    private OffsetDateTime grantedAt;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected EmergencyGrant() {
    }

    public EmergencyGrant(Conversation conversation, UUID adminId, OffsetDateTime at, Duration lasting) {
        this.id = UUID.randomUUID();
        this.practiceId = conversation.practiceId();
        this.conversationId = conversation.id();
        this.adminId = adminId;
        this.grantedAt = at;
        this.expiresAt = at.plus(lasting);
    }

    /** The reason, sealed for this row; set before the grant is persisted. */
    public void sealReason(Sealed sealed) {
        this.reason = sealed.ciphertext();
        this.reasonKey = sealed.keyId();
    }

    public UUID id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public UUID adminId() {
        return adminId;
    }

    public byte[] reason() {
        return reason;
    }

    public OffsetDateTime grantedAt() {
        return grantedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
