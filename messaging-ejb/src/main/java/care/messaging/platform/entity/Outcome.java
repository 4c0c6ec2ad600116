package care.messaging.platform.entity;

/**
 * A result that says whether this call created it or found what an earlier call had created: how every
 * idempotent use case (a send, a start, an announcement) tells 201 from a replayed 200.
 */
public record Outcome<T>(T value, boolean created) {
}
