package care.messaging.conversation.entity;

import care.messaging.crypto.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One thread between a practitioner and a client; it hands out the next seq for each message. */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    @Column(name = "client_id")
    private UUID clientId;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "last_activity_at")
    private OffsetDateTime lastActivityAt;
    @Column(name = "last_seq")
    private long lastSeq;
    /** AES-256-GCM ciphertext of the last message's plain-text preview, bound to this row. */
    private byte[] preview;
    @Column(name = "preview_key")
    private Integer previewKey;

    /** For JPA; conversations are created by ConversationStarts, which keeps one per pair under concurrency. */
    protected Conversation() {
    }

    /**
     * Appends a message; the caller seals its body and this conversation's preview. The caller holds this
     * row's lock, so the seq is the next one and no other transaction can take it.
     */
    public Message post(Author author, UUID clientMessageId, OffsetDateTime at) {
        lastSeq++;
        lastActivityAt = at;
        return new Message(id, lastSeq, author, clientMessageId, at);
    }

    public void sealPreview(Sealed sealed) {
        this.preview = sealed.ciphertext();
        this.previewKey = sealed.keyId();
    }

    /** The last message was deleted: its preview goes too (the list shows that it was deleted, not what it said). */
    public void erasePreviewOf(Message deleted) {
        if (deleted.seq() == lastSeq) {
            this.preview = null;
            this.previewKey = null;
        }
    }

    boolean hasPreview() {
        return preview != null || previewKey != null;
    }

    /** Read markers never point past the last message: a later message must still count as unread. */
    public long clampToLastSeq(long seq) {
        return Math.min(seq, lastSeq);
    }

    public UUID id() {
        return id;
    }

    public UUID practiceId() {
        return practiceId;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public UUID clientId() {
        return clientId;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public OffsetDateTime lastActivityAt() {
        return lastActivityAt;
    }
}
