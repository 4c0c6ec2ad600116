package care.messaging.conversation.entity;

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
    @Column(name = "last_preview")
    private String lastPreview;

    /** For JPA; conversations are created by ConversationStarts, which keeps one per pair under concurrency. */
    protected Conversation() {
    }

    /**
     * Appends a message. The caller holds this row's lock, so the seq is the next one and no other
     * transaction can take it.
     */
    public Message post(Author author, UUID clientMessageId, SanitizedHtml body, OffsetDateTime at) {
        lastSeq++;
        lastActivityAt = at;
        lastPreview = body.preview();
        return new Message(id, lastSeq, author, clientMessageId, body.html(), at);
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

    public String lastPreview() {
        return lastPreview;
    }
}
