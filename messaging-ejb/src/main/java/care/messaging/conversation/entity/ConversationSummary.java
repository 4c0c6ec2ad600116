package care.messaging.conversation.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the inbox. */
public record ConversationSummary(UUID id, Counterpart counterpart, String lastMessagePreview,
                                  OffsetDateTime lastActivityAt, long lastSeq, long unreadCount) {

    /**
     * Who is on the other side. For a minor's thread the practitioner sees the child's name, and
     * {@code note} names the guardians; a guardian sees the practitioner, and {@code note} says whose
     * thread it is.
     */
    public record Counterpart(UUID id, String displayName, String note) {
    }
}
