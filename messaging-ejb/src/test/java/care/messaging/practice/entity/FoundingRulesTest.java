package care.messaging.practice.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What a practice's name and its first admin's fields may be, each refused with its own problem type. */
class FoundingRulesTest {

    @Test
    void aPracticeNameIsCleanedTrimmedAndComparedWithoutCase() {
        var name = PracticeName.parse("  Harbor\u202E Family  Clinic ");
        assertEquals("Harbor Family  Clinic", name.value());
        assertEquals(PracticeName.parse("HARBOR family  clinic").key(), name.key());
        assertEquals(100, PracticeName.parse("é".repeat(100)).value().codePointCount(0, 100));
    }

    @Test
    void anUnusablePracticeNameIsInvalid() {
        assertAll(
                () -> refused(ProblemType.INVALID_PRACTICE_NAME, () -> PracticeName.parse(null)),
                () -> refused(ProblemType.INVALID_PRACTICE_NAME, () -> PracticeName.parse("   ")),
                () -> refused(ProblemType.INVALID_PRACTICE_NAME, () -> PracticeName.parse("a".repeat(101))),
                () -> refused(ProblemType.INVALID_PRACTICE_NAME, () -> PracticeName.parse("Two\nLines")),
                () -> refused(ProblemType.INVALID_PRACTICE_NAME, () -> PracticeName.parse("Zero\u200Bwidth")));
    }

    @Test
    void anAdminNeedsANameAndMayComeWithoutEmailOrExternalId() {
        var admin = FirstAdmin.parse(" Dana Whit ", " ", null);
        assertAll(() -> assertEquals("Dana Whit", admin.displayName()),
                () -> assertNull(admin.email()),
                () -> assertNull(admin.externalId()));
        var full = FirstAdmin.parse("Dana Whit", " Dana.Whit@Harbor.Example ", " E-1042 ");
        assertAll(() -> assertEquals("dana.whit@harbor.example", full.email(), "kept lower-case, as the directory keys it"),
                () -> assertEquals("E-1042", full.externalId()));
    }

    @Test
    void eachUnusableAdminFieldHasItsOwnProblem() {
        assertAll(
                () -> refused(ProblemType.INVALID_DISPLAY_NAME, () -> FirstAdmin.parse(null, null, null)),
                () -> refused(ProblemType.INVALID_DISPLAY_NAME, () -> FirstAdmin.parse("x".repeat(101), null, null)),
                () -> refused(ProblemType.INVALID_EMAIL, () -> FirstAdmin.parse("Dana", "dana", null)),
                () -> refused(ProblemType.INVALID_EMAIL, () -> FirstAdmin.parse("Dana", "dana@localhost", null)),
                () -> refused(ProblemType.INVALID_EMAIL, () -> FirstAdmin.parse("Dana", "da na@harbor.example", null)),
                () -> refused(ProblemType.INVALID_EMAIL, () -> FirstAdmin.parse("Dana", "dana@@harbor.example", null)),
                () -> refused(ProblemType.INVALID_EMAIL, () -> FirstAdmin.parse("Dana", "dana@harbor..example", null)),
                () -> refused(ProblemType.INVALID_EMAIL, () -> FirstAdmin.parse("Dana", "d".repeat(250) + "@h.example", null)),
                () -> refused(ProblemType.INVALID_EXTERNAL_ID, () -> FirstAdmin.parse("Dana", null, "e".repeat(201))),
                () -> refused(ProblemType.INVALID_EXTERNAL_ID, () -> FirstAdmin.parse("Dana", null, "E-1\t042")));
    }

    static void refused(ProblemType type, Executable parse) {
        assertEquals(type, assertThrows(DomainException.class, parse).problem());
    }
}
