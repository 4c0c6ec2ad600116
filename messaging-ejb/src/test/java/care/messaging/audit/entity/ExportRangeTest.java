package care.messaging.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ExportRangeTest {

    @Test
    void aRangeOfAtMostTheLimitIsAccepted() {
        var range = ExportRange.parse("2025-11-01T00:00:00Z", "2026-11-02T00:00:00Z", 366);

        assertEquals(OffsetDateTime.parse("2025-11-01T00:00:00Z"), range.from());
    }

    @Test
    void missingBackwardsMalformedOrTooLongRangesAreRefused() {
        assertType("missing-range", () -> ExportRange.parse(null, "2026-11-02T00:00:00Z", 366));
        assertType("missing-range", () -> ExportRange.parse("2026-11-01T00:00:00Z", "", 366));
        assertType("invalid-from", () -> ExportRange.parse("yesterday", "2026-11-02T00:00:00Z", 366));
        assertType("invalid-to", () -> ExportRange.parse("2026-11-01T00:00:00Z", "2026-11-02", 366));
        assertType("invalid-range", () -> ExportRange.parse("2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z", 366));
        assertType("range-too-long", () -> ExportRange.parse("2025-11-01T00:00:00Z", "2026-11-02T00:00:01Z", 366));
    }

    static void assertType(String type, org.junit.jupiter.api.function.Executable parse) {
        var problem = assertThrows(DomainException.class, parse);
        assertEquals(ProblemType.Kind.INVALID, problem.kind());
        assertEquals(type, problem.type());
    }
}
