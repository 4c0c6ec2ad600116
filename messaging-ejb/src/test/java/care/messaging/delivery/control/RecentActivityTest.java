package care.messaging.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentActivityTest {

    RecentActivity cut;
    Instant now = Instant.parse("2026-11-02T09:00:00Z");

    @BeforeEach
    void init() {
        cut = new RecentActivity();
        cut.clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now;
            }
        };
    }

    @Test
    void activityIsPassedOnAtMostOnceAMinutePerKey() {
        assertTrue(cut.due("sub:alex"));
        assertFalse(cut.due("sub:alex"));
        assertTrue(cut.due("sub:rivera"), "another caller is not held back");
        now = now.plus(Duration.ofSeconds(59));
        assertFalse(cut.due("sub:alex"));
        now = now.plus(Duration.ofSeconds(1));
        assertTrue(cut.due("sub:alex"));
    }

    @Test
    void oldEntriesAreDroppedOnceThereAreMany() {
        for (int i = 0; i <= RecentActivity.PRUNE_ABOVE; i++) {
            cut.due(i);
        }
        now = now.plus(Duration.ofMinutes(2));
        assertTrue(cut.due("late"));
        assertEquals(1, cut.size(), "only the caller of the last minute is kept");
    }
}
