package care.messaging.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxCursorTest {

    @Test
    void roundTripsPositionWithMicroseconds() {
        var at = OffsetDateTime.parse("2026-11-20T06:06:15.165763Z");
        var id = UUID.randomUUID();
        var cut = InboxCursor.parse(InboxCursor.of(at, id));
        assertEquals(at, cut.lastActivityAt());
        assertEquals(id, cut.id());
    }

    @Test
    void absentCursorMeansFirstPage() {
        assertNull(InboxCursor.parse(null));
        assertNull(InboxCursor.parse(""));
    }

    @Test
    void refusesCursorsItDidNotIssue() {
        for (var bad : new String[]{"%%%", "bm90LWEtY3Vyc29y", "MjAyNi0xMS0yMFQwNjowNjoxNVp8bm90LWEtdXVpZA"}) {
            var e = assertThrows(DomainException.class, () -> InboxCursor.parse(bad));
            assertEquals("invalid-cursor", e.type());
        }
    }
}
