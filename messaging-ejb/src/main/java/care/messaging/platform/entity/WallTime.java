package care.messaging.platform.entity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A date and time as a person chose it on their clock (2026-12-12T09:00) and the time zone they chose it in, made
 * an instant: region ids only (Europe/Berlin), since a fixed offset would not follow daylight-saving changes. A wall
 * time that falls in a gap (the clocks went forward) is the instant the gap ends; one that falls in an overlap (the
 * clocks went back) is its first occurrence for a start and its second for an end, so a period covers the whole hour.
 */
public final class WallTime {

    private WallTime() {
    }

    public static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new DomainException(ProblemType.INVALID_TIME_ZONE, "timeZone must name a time zone, e.g. Europe/Berlin");
        }
        try {
            var id = ZoneId.of(zone);
            if (!(id.getId().contains("/") || id.getId().equals("UTC"))) {
                throw new DateTimeException("not a region");
            }
            return id;
        } catch (DateTimeException e) {
            throw new DomainException(ProblemType.INVALID_TIME_ZONE, "timeZone is not a known time zone");
        }
    }

    public static LocalDateTime parse(String value, ProblemType problem, String field) {
        if (value == null || value.isBlank()) {
            throw new DomainException(problem, field + " is required, as a local date and time (2026-12-12T09:00)");
        }
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(problem, field + " must be a local date and time (2026-12-12T09:00)");
        }
    }

    /** The instant of a wall time in the zone; {@code end} picks the later instant of an overlap. */
    public static Instant at(LocalDateTime wall, ZoneId zone, boolean end) {
        var transition = zone.getRules().getTransition(wall);
        if (transition == null) {
            return wall.atZone(zone).toInstant();
        }
        if (transition.isGap()) {
            return transition.getInstant();
        }
        return wall.atOffset(end ? transition.getOffsetAfter() : transition.getOffsetBefore()).toInstant();
    }
}
