package care.messaging.conversation.entity;

import care.messaging.crypto.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One thread between a practitioner and a client, or (kind colleague) between two practitioners of the
 * practice; it hands out the next seq for each message. A conversation has two sides: the practitioner
 * (practitioner_id), and the second side, which is the client's portal accounts or the colleague
 * (colleague_id). message.from_client and read_receipt.client_side say "written/read by the second side",
 * so unread counts and receipts work the same for both kinds.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    /** Null in a colleague conversation. */
    @Column(name = "client_id")
    @Convert(converter = NullableUuid.class)
    private UUID clientId;
    /** The second practitioner of a colleague conversation (the greater uuid of the pair); null for a client's. */
    @Column(name = "colleague_id")
    @Convert(converter = NullableUuid.class)
    private UUID colleagueId;
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

    public UUID colleagueId() {
        return colleagueId;
    }

    /** Between two practitioners of the practice, not with a client. */
    public boolean isColleague() {
        return colleagueId != null;
    }

    /** Whether the account is one of the two practitioners of this colleague conversation. */
    public boolean hasColleague(UUID accountId) {
        return isColleague() && (accountId.equals(practitionerId) || accountId.equals(colleagueId));
    }

    /**
     * Whether an account writes and reads on the second side: a portal account in a client's conversation,
     * the colleague_id practitioner in a colleague conversation.
     */
    public boolean secondSide(UUID accountId, boolean clientSide) {
        return isColleague() ? accountId.equals(colleagueId) : clientSide;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public OffsetDateTime lastActivityAt() {
        return lastActivityAt;
    }
}
