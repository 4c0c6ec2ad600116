package care.messaging.attachment.entity;

import care.messaging.conversation.entity.NullableUuid;
import care.messaging.crypto.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One uploaded file: who uploaded it in which practice, what it is (from its content), how long, under
 * which key its bytes are encrypted, and where it is in its checks. Its bytes are elsewhere
 * ({@code AttachmentStore}), bound to this row's id; its display name is sealed like a message body.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    @Column(name = "uploader_id")
    private UUID uploaderId;
    /**
     * The conversation and message a sent file belongs to; null until then. Read only: EclipseLink binds a
     * NULL uuid as varchar, which PostgreSQL refuses on INSERT, so sending will set them by statement.
     */
    @Column(name = "conversation_id", insertable = false, updatable = false)
    @Convert(converter = NullableUuid.class)
    private UUID conversationId;
    @Column(name = "message_id", insertable = false, updatable = false)
    @Convert(converter = NullableUuid.class)
    private UUID messageId;
    @Enumerated(EnumType.STRING)
    private AttachmentState state;
    @Column(name = "display_name")
    private byte[] displayName;
    @Column(name = "display_name_key")
    private int displayNameKey;
    @Column(name = "media_type")
    private String mediaType;
    @Column(name = "size_bytes")
    private long size;
    @Column(name = "key_id")
    private int keyId;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected Attachment() {
    }

    /** A file being uploaded; its name, type and key are set before it is persisted. */
    public Attachment(UUID practiceId, UUID uploaderId, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.practiceId = practiceId;
        this.uploaderId = uploaderId;
        this.state = AttachmentState.uploaded;
        this.createdAt = at;
    }

    public void sealName(Sealed sealed) {
        this.displayName = sealed.ciphertext();
        this.displayNameKey = sealed.keyId();
    }

    public void typed(DetectedType type) {
        if (!type.allowed()) {
            throw new IllegalArgumentException("a file of a refused type is never stored");
        }
        this.mediaType = type.mediaType();
    }

    /** The bytes are being written under this data key. */
    public void encryptedWith(int keyId) {
        this.keyId = keyId;
    }

    /** All bytes are stored; the scan's verdict comes next. */
    public void stored(long size) {
        this.size = size;
        this.state = AttachmentState.scanning;
    }

    /** The scanner's verdict, once it has one; an unavailable scanner leaves the file {@code scanning}. */
    public void scanned(ScanVerdict verdict) {
        if (state != AttachmentState.scanning) {
            throw new IllegalStateException("only a stored file is scanned");
        }
        if (verdict instanceof ScanVerdict.Clean) {
            state = AttachmentState.clean;
        } else if (verdict instanceof ScanVerdict.Infected) {
            state = AttachmentState.infected;
        }
        // ScanVerdict.Unavailable: still scanning, never downloadable
    }

    public boolean downloadable() {
        return state == AttachmentState.clean;
    }

    public UUID id() {
        return id;
    }

    public UUID practiceId() {
        return practiceId;
    }

    public UUID uploaderId() {
        return uploaderId;
    }

    /** The conversation of the message it was sent with; null while unsent. */
    public UUID conversationId() {
        return conversationId;
    }

    /** The message it was sent with; null while unsent. */
    public UUID messageId() {
        return messageId;
    }

    public AttachmentState state() {
        return state;
    }

    public byte[] displayName() {
        return displayName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    public int keyId() {
        return keyId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
