package care.messaging.delivery.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A WebSocket let in: whose events it carries, and when it must close (the exp of the token behind it). */
public record Admission(UUID account, OffsetDateTime closesAt) {
}
