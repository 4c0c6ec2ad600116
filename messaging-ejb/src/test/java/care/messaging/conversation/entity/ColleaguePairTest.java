package care.messaging.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColleaguePairTest {

    static final UUID LOW = UUID.fromString("11111111-0000-4000-8000-000000000000");
    // The high bit set: UUID.compareTo (signed) puts it before LOW, PostgreSQL (unsigned bytes) after.
    static final UUID HIGH = UUID.fromString("f1111111-0000-4000-8000-000000000000");

    @Test
    void eitherColleagueStartingNamesTheSamePair() {
        assertEquals(ColleaguePair.of(LOW, HIGH), ColleaguePair.of(HIGH, LOW));
    }

    @Test
    void ordersLikePostgresqlNotLikeUuidCompareTo() {
        assertTrue(HIGH.compareTo(LOW) < 0, "the case this test is about: Java's signed order differs");
        var pair = ColleaguePair.of(HIGH, LOW);
        assertEquals(LOW, pair.first());
        assertEquals(HIGH, pair.second());
        assertTrue(LOW.toString().compareTo(HIGH.toString()) < 0, "canonical text order is PostgreSQL's byte order");
    }

    @Test
    void lowBitsDecideWhenHighBitsAreEqual() {
        var a = UUID.fromString("11111111-0000-4000-0000-000000000001");
        var b = UUID.fromString("11111111-0000-4000-f000-000000000001");
        assertEquals(a, ColleaguePair.of(b, a).first());
    }

    @Test
    void otherIsTheCounterpart() {
        var pair = ColleaguePair.of(LOW, HIGH);
        assertEquals(HIGH, pair.other(LOW));
        assertEquals(LOW, pair.other(HIGH));
        assertThrows(IllegalArgumentException.class, () -> pair.other(UUID.randomUUID()));
    }

    @Test
    void noConversationWithOneself() {
        assertThrows(IllegalArgumentException.class, () -> ColleaguePair.of(LOW, LOW));
        assertThrows(IllegalArgumentException.class, () -> new ColleaguePair(HIGH, LOW));
    }
}
