package care.messaging.conversation.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the inbox. {@code lastEmergencyAccessAt} tells the practitioner when an admin last opened the
 * conversation under emergency access (null if never; never shown to the client side). {@code sending}:
 * whether the reader may write here now, and why not (see {@link Sending}).
 * <p>
 * The caller's own state: {@code archived} (it is in their Archive folder), {@code markedUnread} (they
 * marked it unread: {@code unreadCount} is at least 1 until they read it), {@code hasDraft} (they have an
 * unsent draft; its text only through the draft API), {@code lastMessageDeleted} (the last message was
 * deleted by its sender, so there is no preview).
 */
public record ConversationSummary(UUID id, Counterpart counterpart, String lastMessagePreview,
                                  OffsetDateTime lastActivityAt, long lastSeq, long unreadCount,
                                  OffsetDateTime lastEmergencyAccessAt, Sending sending,
                                  boolean archived, boolean markedUnread, boolean hasDraft, boolean lastMessageDeleted,
                                  String kind) {

    /** {@code kind}: with a client, or between two practitioners of the practice. */
    public static final String CLIENT = "client";
    public static final String COLLEAGUE = "colleague";

    /**
     * Who is on the other side. For a minor's thread the practitioner sees the child's name, and
     * {@code note} names the guardians; a guardian sees the practitioner, and {@code note} says whose
     * thread it is. {@code online}: the counterpart was active in the last five minutes; for the
     * practitioner, any portal account of the client (the client themself or a guardian). In a colleague
     * conversation it is the other practitioner, by their messaging name.
     */
    public record Counterpart(UUID id, String displayName, String note, boolean online) {
    }
}
