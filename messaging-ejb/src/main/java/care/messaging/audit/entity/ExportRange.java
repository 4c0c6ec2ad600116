package care.messaging.audit.entity;

import care.messaging.platform.entity.DomainException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The time range of an export: [from, to), both required, ISO-8601 with an offset, at most maxDays long. */
public record ExportRange(OffsetDateTime from, OffsetDateTime to) {

    public static ExportRange parse(String from, String to, int maxDays) {
        var range = new ExportRange(time("from", from), time("to", to));
        if (!range.from.isBefore(range.to)) {
            throw DomainException.invalid("invalid-range", "from must be before to");
        }
        if (Duration.between(range.from, range.to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw DomainException.invalid("range-too-long", "An export covers at most " + maxDays + " days");
        }
        return range;
    }

    static OffsetDateTime time(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw DomainException.invalid("missing-range", "from and to are required");
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid-" + name, name + " must be an ISO-8601 time with an offset, e.g. 2026-01-31T00:00:00Z");
        }
    }
}
