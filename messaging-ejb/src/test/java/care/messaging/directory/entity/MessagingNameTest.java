package care.messaging.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import org.junit.jupiter.api.Test;

class MessagingNameTest {

    @Test
    void aNameIsTrimmed() {
        assertEquals("Dr. Maria", MessagingName.parse("  Dr. Maria \t").value());
    }

    @Test
    void blankOrAbsentMeansTheDirectoryNameAgain() {
        assertNull(MessagingName.parse(null));
        assertNull(MessagingName.parse(""));
        assertNull(MessagingName.parse("   "));
    }

    @Test
    void aHundredCharactersAreAllowedAndOneMoreIsNot() {
        assertEquals(100, MessagingName.parse("é".repeat(100)).value().length());
        assertInvalid("x".repeat(101));
    }

    @Test
    void controlAndFormatCharactersAreRefused() {
        assertInvalid("Dr.\nRivera");
        assertInvalid("Dr.\u0007Rivera");
        assertInvalid("Dr.\u2028Rivera");
        assertInvalid("Dr.\u200bRivera");
    }

    @Test
    void bidiControlsAndLoneSurrogatesAreRemovedAsFromEveryShownText() {
        assertEquals("Dr. averiR", MessagingName.parse("Dr. \u202eaveriR\u202c").value());
        assertEquals("Dr. Rivera", MessagingName.parse("Dr. Rivera\uD83D").value(), "dropped, not stored as ?");
        assertInvalid("\u2066\u2069");
    }

    @Test
    void aRecordHoldsOnlyWhatParseWouldHaveProduced() {
        assertInvalid(" padded ", true);
    }

    static void assertInvalid(String name) {
        assertInvalid(name, false);
    }

    static void assertInvalid(String name, boolean direct) {
        var e = assertThrows(DomainException.class, () -> {
            if (direct) {
                new MessagingName(name);
            } else {
                MessagingName.parse(name);
            }
        });
        assertEquals("invalid-display-name", e.type());
        assertEquals(ProblemType.Kind.INVALID, e.kind());
    }
}
