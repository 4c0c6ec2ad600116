package care.messaging.platform.entity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A time as PostgreSQL keeps it: {@code timestamptz} holds microseconds, the JVM's clock nanoseconds. Every
 * time the app writes is cut to microseconds here first, so the value an entity holds after the write is the
 * one a later read returns (cursors, read markers and hash-chained audit rows compare them exactly).
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** Now, as it will be stored. */
    public static OffsetDateTime now(Clock clock) {
        return of(OffsetDateTime.now(clock));
    }

    /** The time as it will be stored. */
    public static OffsetDateTime of(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
