package care.messaging.audit.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The time range of an export: [from, to), both required, ISO-8601 with an offset, at most maxDays long. */
public record ExportRange(OffsetDateTime from, OffsetDateTime to) {

    public static ExportRange parse(String from, String to, int maxDays) {
        var range = new ExportRange(time("from", ProblemType.INVALID_FROM, from), time("to", ProblemType.INVALID_TO, to));
        if (!range.from.isBefore(range.to)) {
            throw new DomainException(ProblemType.INVALID_RANGE, "from must be before to");
        }
        if (Duration.between(range.from, range.to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new DomainException(ProblemType.RANGE_TOO_LONG, "An export covers at most " + maxDays + " days");
        }
        return range;
    }

    static OffsetDateTime time(String name, ProblemType problem, String value) {
        if (value == null || value.isEmpty()) {
            throw new DomainException(ProblemType.MISSING_RANGE, "from and to are required");
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(problem, name + " must be an ISO-8601 time with an offset, e.g. 2026-01-31T00:00:00Z");
        }
    }
}
