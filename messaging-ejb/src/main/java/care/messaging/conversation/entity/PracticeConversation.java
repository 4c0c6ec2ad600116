package care.messaging.conversation.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A conversation as a practice admin may see it without opening it: who talks with whom, no content. */
public record PracticeConversation(UUID id, Party practitioner, Party client, OffsetDateTime lastActivityAt) {

    public record Party(UUID id, String displayName) {
    }
}
