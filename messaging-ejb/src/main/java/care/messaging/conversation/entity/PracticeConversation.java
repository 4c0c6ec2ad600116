package care.messaging.conversation.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A conversation as a practice admin may see it without opening it: who talks with whom, no content.
 * {@code kind} is {@code client} (practitioner and client) or {@code colleague} (practitioner and
 * colleague, two practitioners of the practice); the other party is left out.
 */
public record PracticeConversation(UUID id, String kind, Party practitioner, Party client, Party colleague,
                                   OffsetDateTime lastActivityAt) {

    public record Party(UUID id, String displayName) {
    }
}
