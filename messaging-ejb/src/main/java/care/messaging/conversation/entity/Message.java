package care.messaging.conversation.entity;

import care.messaging.crypto.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "message")
@NamedQuery(name = Message.BY_CLIENT_ID,
        query = "SELECT m FROM Message m WHERE m.senderId = :sender AND m.clientMessageId = :clientMessageId")
public class Message {

    public static final String BY_CLIENT_ID = "Message.byClientId";

    @Id
    private UUID id;
    @Column(name = "conversation_id")
    private UUID conversationId;
    private long seq;
    @Column(name = "sender_id")
    private UUID senderId;
    @Column(name = "sender_name")
    private String senderName;
    @Column(name = "client_message_id")
    private UUID clientMessageId;
    /** AES-256-GCM ciphertext of the sanitized HTML, bound to this row; see RowCipher. Null once deleted. */
    private byte[] body;
    @Column(name = "body_key")
    private Integer bodyKey;
    @Column(name = "from_client")
    private boolean fromClient;
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;
    /**
     * The announcement this message delivered to one of its recipients; null for a direct message. Written
     * by AnnouncementLog (EclipseLink binds a NULL uuid as varchar, which PostgreSQL refuses on INSERT).
     */
    @Column(name = "announcement_id", insertable = false, updatable = false)
    @Convert(converter = NullableUuid.class)
    private UUID announcementId;

    /**
     * An out-of-office reply (message.automatic_reply), set by AutomaticReplies with an UPDATE after the insert and
     * not mapped, so that every other send's INSERT and reads stay the statements they are (SendReplayIT).
     */
    @jakarta.persistence.Transient
    private boolean automaticReply;
    /**
     * An announcement copy an admin sent on behalf of the practice (message.for_practice): sender_name is the practice's
     * name. Set with the copy's announcement_id by AnnouncementCopies after the insert, so it is not mapped either.
     */
    @jakarta.persistence.Transient
    private boolean forPractice;

    protected Message() {
    }

    Message(UUID conversationId, long seq, Author author, UUID clientMessageId, OffsetDateTime sentAt) {
        this.id = UUID.randomUUID();
        this.conversationId = conversationId;
        this.seq = seq;
        this.senderId = author.accountId();
        this.senderName = author.displayName();
        this.fromClient = author.clientSide();
        this.clientMessageId = clientMessageId;
        this.sentAt = sentAt;
    }

    /** This message is one recipient's copy of an announcement. */
    public void deliver(UUID announcement) {
        this.announcementId = announcement;
    }

    public boolean isAnnouncement() {
        return announcementId != null;
    }

    /** This message is the practitioner's automatic reply; see the field. */
    public void answerAutomatically() {
        this.automaticReply = true;
    }

    public boolean isAutomaticReply() {
        return automaticReply;
    }

    /** This copy is labelled with the practice as its sender; see the field. */
    public void speakForPractice() {
        this.forPractice = true;
    }

    public boolean isForPractice() {
        return forPractice;
    }

    /**
     * Whether its sender wrote it in the thread themself: not an announcement (written elsewhere) and not an
     * automatic reply (sent for them), so their own state of the thread (draft, archive, marked unread) stays.
     */
    public boolean writtenInThread() {
        return !isAnnouncement() && !automaticReply;
    }

    public boolean belongsTo(UUID conversation) {
        return conversationId.equals(conversation);
    }

    public UUID id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public long seq() {
        return seq;
    }

    public UUID senderId() {
        return senderId;
    }

    public String senderName() {
        return senderName;
    }

    public UUID clientMessageId() {
        return clientMessageId;
    }

    /** Stores the encrypted body; the message's id is known first, since the ciphertext is bound to it. */
    public void seal(Sealed sealed) {
        this.body = sealed.ciphertext();
        this.bodyKey = sealed.keyId();
    }

    /**
     * Deleted by its sender: the body is erased, ciphertext and key id, so no key opens it any more; the
     * row stays, so the seq keeps its place in the order and read receipts still point at it.
     */
    public void erase(OffsetDateTime at) {
        if (deletedAt == null) {
            this.body = null;
            this.bodyKey = null;
            this.deletedAt = at;
        }
    }

    byte[] body() {
        return body;
    }

    Integer bodyKey() {
        return bodyKey;
    }

    OffsetDateTime deletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean sentBy(UUID account) {
        return senderId.equals(account);
    }

    public boolean isFromClient() {
        return fromClient;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }
}
