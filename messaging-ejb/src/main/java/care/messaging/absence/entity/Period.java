package care.messaging.absence.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.WallTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;

/**
 * When a practitioner is away: two instants (the end may be open) and the zone the wall times were chosen in.
 * A practitioner thinks in wall times ("from Monday 9:00 to Friday 17:00, Berlin time"), the app in instants;
 * this is the one place that turns one into the other:
 * <ul>
 * <li>a wall time that does not exist (the clocks jump forward over it) means the first instant after the jump,
 *     for a start and an end alike: "away from 02:30" on the night the clocks go from 02:00 to 03:00 starts at 03:00;</li>
 * <li>a wall time that happens twice (the clocks go back) means its first occurrence for a start and its second
 *     for an end, so the period covers every moment the practitioner named and never less.</li>
 * </ul>
 * A period may not end before (or when) it starts, may not be over already, may not be longer than a year from its
 * start in its zone, and may not overlap another of the same practitioner's periods. An open end never expires.
 */
public record Period(Instant start, Instant end, ZoneId zone) {

    /** The longest period that has an end: a year from its start, in its zone. */
    public static final java.time.Period LONGEST = java.time.Period.ofYears(1);

    /** Parses and checks what a practitioner or an admin asked for; nothing is compared with other periods yet. */
    public static Period of(String start, String end, String zone, Clock clock) {
        var zoneId = WallTime.zone(zone);
        var from = WallTime.at(WallTime.parse(start, ProblemType.INVALID_START, "startsAt"), zoneId, false);
        var until = end == null ? null : WallTime.at(WallTime.parse(end, ProblemType.INVALID_END, "endsAt"), zoneId, true);
        var period = new Period(from, until, zoneId);
        period.check(clock);
        return period;
    }

    /** The instant of a wall time in the zone; see {@link WallTime#at} for gaps and overlaps. */
    public static Instant at(LocalDateTime wall, ZoneId zone, boolean end) {
        return WallTime.at(wall, zone, end);
    }

    void check(Clock clock) {
        if (end != null && !end.isAfter(start)) {
            throw new DomainException(ProblemType.END_BEFORE_START, "The period must end after it starts");
        }
        if (end != null && !end.isAfter(clock.instant())) {
            throw new DomainException(ProblemType.PERIOD_IN_PAST, "The period is over already");
        }
        if (end != null && end.isAfter(start.atZone(zone).plus(LONGEST).toInstant())) {
            throw new DomainException(ProblemType.PERIOD_TOO_LONG, "A period may last a year at most; leave the end open instead");
        }
    }

    /** Whether the two periods share a moment; an open end goes on for ever, and an end is exclusive. */
    public boolean overlaps(Period other) {
        return before(start, other.end) && before(other.start, end);
    }

    private static boolean before(Instant instant, Instant openEnd) {
        return openEnd == null || instant.isBefore(openEnd);
    }

    /** Refuses (409 period-overlaps) if it shares a moment with any of the others. */
    public void requireNoOverlap(Collection<Period> others) {
        if (others.stream().anyMatch(this::overlaps)) {
            throw new DomainException(ProblemType.PERIOD_OVERLAPS, "The period overlaps another out-of-office period");
        }
    }

    /** Whether the period is on at the instant: from its start (inclusive) to its end (exclusive). */
    public boolean activeAt(Instant at) {
        return !at.isBefore(start) && before(at, end);
    }

    /** The wall time the practitioner chose, in the period's zone. */
    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(start, zone);
    }

    public Optional<LocalDateTime> localEnd() {
        return Optional.ofNullable(end).map(e -> LocalDateTime.ofInstant(e, zone));
    }

    public Optional<Duration> length() {
        return Optional.ofNullable(end).map(e -> Duration.between(start, e));
    }
}
