package care.messaging.conversation.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendRateTest {

    /** A clock that stands still until the test moves it. */
    static class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-21T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    SendRate cut = new SendRate();
    TestClock clock = new TestClock();
    UUID rivera = UUID.randomUUID();

    @BeforeEach
    void threeInABurstThenOneEveryTwentySeconds() {
        cut.capacity = 3;
        cut.perMinute = 3;
        cut.clock = clock;
        cut.init();
    }

    @Test
    void allowsABurstUpToTheCapacityThenRefusesWithTheWaitInSeconds() {
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> cut.take(rivera));
        }

        var refused = assertThrows(DomainException.class, () -> cut.take(rivera));

        assertEquals(ProblemType.Kind.TOO_MANY_REQUESTS, refused.kind());
        assertEquals("rate-limited", refused.type());
        assertEquals(20, refused.retryAfterSeconds());
    }

    @Test
    void retryAfterIsRoundedUpAndTheNextMessageIsAllowedOnceItHasPassed() {
        exhaust(rivera);
        clock.now = clock.now.plus(Duration.ofMillis(12_500));

        var refused = assertThrows(DomainException.class, () -> cut.take(rivera));
        assertEquals(8, refused.retryAfterSeconds());

        clock.now = clock.now.plusSeconds(refused.retryAfterSeconds());
        assertDoesNotThrow(() -> cut.take(rivera));
        assertThrows(DomainException.class, () -> cut.take(rivera));
    }

    @Test
    void eachSenderHasAnAllowanceOfTheirOwn() {
        exhaust(rivera);

        assertDoesNotThrow(() -> cut.take(UUID.randomUUID()));
    }

    @Test
    void refusesAConfigurationThatWouldBlockEverySend() {
        var broken = new SendRate();
        broken.capacity = 0;
        broken.perMinute = 60;
        broken.clock = clock;

        assertThrows(IllegalStateException.class, broken::init);
    }

    void exhaust(UUID sender) {
        for (int i = 0; i < 3; i++) {
            cut.take(sender);
        }
        assertThrows(DomainException.class, () -> cut.take(sender));
    }
}
