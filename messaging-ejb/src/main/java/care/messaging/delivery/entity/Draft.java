package care.messaging.delivery.entity;

import jakarta.json.JsonObject;
import java.util.UUID;

/** An event before it has a cursor: the same draft may go to several accounts. */
public record Draft(String type, UUID conversationId, UUID messageId, Long seq, JsonObject facts) {
}
