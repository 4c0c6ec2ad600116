package care.messaging.absence.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time logic of out-of-office periods, against a clock the test sets. */
class PeriodTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    // 1 December 2026, 12:00 UTC: every period below is measured from this "now".
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void wallTimesAreInstantsOfTheirZone() {
        var period = Period.of("2026-12-10T09:00", "2026-12-12T09:00", "Europe/Berlin", NOW);
        assertEquals(Instant.parse("2026-12-10T08:00:00Z"), period.start());
        assertEquals(Instant.parse("2026-12-12T08:00:00Z"), period.end());
        assertEquals(LocalDateTime.parse("2026-12-10T09:00"), period.localStart());
        var sameWallTimeInNewYork = Period.of("2026-12-10T09:00", "2026-12-12T09:00", "America/New_York", NOW);
        assertEquals(Duration.ofHours(6), Duration.between(period.start(), sameWallTimeInNewYork.start()));
    }

    @Test
    void aPeriodAcrossTheSpringChangeIsAnHourShorterThanItsWallTimesSay() {
        // Berlin went from 02:00 to 03:00 on 29 March 2026.
        var clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        var period = Period.of("2026-03-28T09:00", "2026-03-29T09:00", "Europe/Berlin", clock);
        assertEquals(Duration.ofHours(23), period.length().orElseThrow());
    }

    @Test
    void aWallTimeInTheSpringGapMeansTheFirstInstantAfterIt() {
        var gapStart = Instant.parse("2027-03-28T01:00:00Z"); // Berlin 2027-03-28 02:00 CET is 03:00 CEST
        assertEquals(gapStart, Period.at(LocalDateTime.parse("2027-03-28T02:30"), BERLIN, false));
        assertEquals(gapStart, Period.at(LocalDateTime.parse("2027-03-28T02:30"), BERLIN, true));
        var clock = Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC);
        var period = Period.of("2027-03-28T02:30", "2027-03-28T04:00", "Europe/Berlin", clock);
        assertEquals(LocalDateTime.parse("2027-03-28T03:00"), period.localStart());
        assertEquals(Duration.ofHours(1), period.length().orElseThrow());
    }

    @Test
    void aWallTimeInTheAutumnOverlapStartsAtItsFirstAndEndsAtItsSecondOccurrence() {
        // New York went from 02:00 back to 01:00 on 1 November 2026: 01:30 happened twice.
        var wall = LocalDateTime.parse("2026-11-01T01:30");
        var first = Period.at(wall, NEW_YORK, false);
        var second = Period.at(wall, NEW_YORK, true);
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), first);
        assertEquals(Instant.parse("2026-11-01T06:30:00Z"), second);
        var clock = Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC);
        var period = Period.of("2026-11-01T01:30", "2026-11-01T01:30", "America/New_York", clock);
        assertEquals(Duration.ofHours(1), period.length().orElseThrow(), "01:30 to 01:30 that night covers the repeated hour");
    }

    @Test
    void anOpenEndIsAllowedGoesOnForEverAndOverlapsEverythingAfterItsStart() {
        var open = Period.of("2026-12-10T09:00", null, "Europe/Berlin", NOW);
        assertNull(open.end());
        assertTrue(open.length().isEmpty());
        assertTrue(open.activeAt(Instant.parse("2099-01-01T00:00:00Z")));
        assertFalse(open.activeAt(Instant.parse("2026-12-10T07:59:59Z")));
        var later = Period.of("2027-06-01T09:00", "2027-06-02T09:00", "Europe/Berlin", NOW);
        assertTrue(open.overlaps(later));
        assertTrue(later.overlaps(open));
        var before = Period.of("2026-12-02T09:00", "2026-12-10T09:00", "Europe/Berlin", NOW);
        assertFalse(open.overlaps(before), "an end is exclusive: one period may start when another ends");
    }

    @Test
    void anOpenEndMayStartInThePastAndIsActiveNow() {
        var open = Period.of("2026-11-30T09:00", null, "Europe/Berlin", NOW);
        assertTrue(open.activeAt(NOW.instant()));
    }

    @Test
    void overlappingPeriodsAreRefused() {
        var planned = List.of(
                Period.of("2026-12-10T09:00", "2026-12-12T09:00", "Europe/Berlin", NOW),
                Period.of("2026-12-20T09:00", "2026-12-24T09:00", "Europe/Berlin", NOW));
        var overlapping = Period.of("2026-12-11T18:00", "2026-12-13T09:00", "Europe/Berlin", NOW);
        assertEquals(ProblemType.PERIOD_OVERLAPS,
                assertThrows(DomainException.class, () -> overlapping.requireNoOverlap(planned)).problem());
        // Periods compare as instants, whatever zone each was set in: 02:00 in New York is 08:00 in Berlin, an hour
        // before the first period ends; 03:00 in New York is its end (exclusive).
        var inNewYork = Period.of("2026-12-12T02:00", "2026-12-12T10:00", "America/New_York", NOW);
        assertEquals(ProblemType.PERIOD_OVERLAPS,
                assertThrows(DomainException.class, () -> inNewYork.requireNoOverlap(planned)).problem());
        Period.of("2026-12-12T03:00", "2026-12-12T10:00", "America/New_York", NOW).requireNoOverlap(planned);
        Period.of("2026-12-12T09:00", "2026-12-20T09:00", "Europe/Berlin", NOW).requireNoOverlap(planned);
    }

    @Test
    void aYearIsTheLongestPeriodCountedInItsZone() {
        Period.of("2026-12-10T09:00", "2027-12-10T09:00", "Europe/Berlin", NOW);
        assertRefused(ProblemType.PERIOD_TOO_LONG, "2026-12-10T09:00", "2027-12-10T09:01", "Europe/Berlin");
        // Across a spring change the year is an hour shorter in instants, and still allowed to the wall minute.
        var clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        var year = Period.of("2026-03-10T09:00", "2027-03-10T09:00", "Europe/Berlin", clock);
        assertEquals(Duration.ofDays(365), year.length().orElseThrow());
    }

    @Test
    void aPeriodThatIsOverIsRefusedOneThatHasBegunIsNot() {
        assertRefused(ProblemType.PERIOD_IN_PAST, "2026-11-20T09:00", "2026-12-01T12:59", "Europe/Berlin");
        // 13:00 in Berlin is exactly now (12:00 UTC): an end that is now is over.
        assertRefused(ProblemType.PERIOD_IN_PAST, "2026-11-20T09:00", "2026-12-01T13:00", "Europe/Berlin");
        var begun = Period.of("2026-11-20T09:00", "2026-12-01T13:01", "Europe/Berlin", NOW);
        assertTrue(begun.activeAt(NOW.instant()));
    }

    @Test
    void anEndAtOrBeforeTheStartIsRefused() {
        assertRefused(ProblemType.END_BEFORE_START, "2026-12-10T09:00", "2026-12-10T09:00", "Europe/Berlin");
        assertRefused(ProblemType.END_BEFORE_START, "2026-12-10T09:00", "2026-12-09T09:00", "Europe/Berlin");
    }

    @Test
    void unknownZonesAndFixedOffsetsAreRefused() {
        assertRefused(ProblemType.INVALID_TIME_ZONE, "2026-12-10T09:00", null, "Europe/Atlantis");
        assertRefused(ProblemType.INVALID_TIME_ZONE, "2026-12-10T09:00", null, "+02:00");
        assertRefused(ProblemType.INVALID_TIME_ZONE, "2026-12-10T09:00", null, "");
        assertRefused(ProblemType.INVALID_TIME_ZONE, "2026-12-10T09:00", null, null);
        Period.of("2026-12-10T09:00", null, "UTC", NOW);
    }

    @Test
    void startAndEndMustBeLocalDateTimes() {
        assertRefused(ProblemType.INVALID_START, null, null, "Europe/Berlin");
        assertRefused(ProblemType.INVALID_START, "2026-12-10T09:00+01:00", null, "Europe/Berlin");
        assertRefused(ProblemType.INVALID_START, "10 December", null, "Europe/Berlin");
        assertRefused(ProblemType.INVALID_END, "2026-12-10T09:00", "2026-02-30T09:00", "Europe/Berlin");
    }

    @Test
    void activeFromItsStartUntilJustBeforeItsEnd() {
        var period = Period.of("2026-12-10T09:00", "2026-12-12T09:00", "Europe/Berlin", NOW);
        assertTrue(period.activeAt(period.start()));
        assertTrue(period.activeAt(period.end().minusNanos(1000)));
        assertFalse(period.activeAt(period.end()));
        assertFalse(period.activeAt(period.start().minusSeconds(1)));
    }

    static void assertRefused(ProblemType expected, String start, String end, String zone) {
        var e = assertThrows(DomainException.class, () -> Period.of(start, end, zone, NOW));
        assertEquals(expected, e.problem());
    }
}
