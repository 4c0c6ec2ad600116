package care.messaging.delivery.entity;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * An event before it has a cursor: what a use case means to tell, appended with the use case (see
 * {@code EventLog.Batch}); one pending event may go to several accounts, each of which gives it a cursor of its own.
 */
public record PendingEvent(String type, UUID conversationId, UUID messageId, Long seq, JsonObject facts) {
}
