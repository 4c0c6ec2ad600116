package care.messaging.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoredTimeTest {

    @Test
    void aTimeIsCutToTheMicrosecondsPostgresKeeps() {
        var clock = Clock.fixed(Instant.parse("2026-12-03T10:15:30.123456789Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-12-03T10:15:30.123456Z"), StoredTime.now(clock).toInstant());
        assertEquals(StoredTime.now(clock), StoredTime.of(StoredTime.now(clock)), "cutting twice changes nothing");
    }
}
