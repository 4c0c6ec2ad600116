package care.messaging.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What an admin may record about the people they add, checked before anything touches the directory. */
class NewPeopleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @ParameterizedTest
    @ValueSource(strings = {"pat@family.example", "Pat.Lane+portal@Family.Example", "o'neil@mail.example", "a@b.co",
        "x@sub.domain.example.org", "  spaced@mail.example  "})
    void addressesOfTheUsualFormsAreTakenLowerCased(String given) {
        var email = EmailAddress.parse(given);
        assertEquals(given.strip().toLowerCase(java.util.Locale.ROOT), email.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@mail.example", "pat@", "pat@localhost", "pat@mail.", "pat@-mail.example", "pat lane@mail.example",
        "pat@@mail.example", "pat..lane@mail.example", ".pat@mail.example", "pät@mail.example", "pat@mail.c"})
    void anythingElseIsRefusedWithoutRepeatingIt(String given) {
        var refused = assertThrows(DomainException.class, () -> EmailAddress.parse(given));
        assertEquals("invalid-email", refused.type());
        assertFalse(refused.title().contains(given.strip()));
    }

    @Test
    void aLocalPartOver64OrAnAddressOver254IsRefused() {
        assertThrows(DomainException.class, () -> EmailAddress.parse("a".repeat(65) + "@mail.example"));
        var labels = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".";
        EmailAddress.parse("a@" + labels + "example"); // 253 characters: taken
        assertThrows(DomainException.class, () -> EmailAddress.parse("a@" + labels + "e".repeat(63) + ".example"));
        assertNull(EmailAddress.parse("  "), "blank: none");
    }

    @Test
    void minorIsTheFlagWhenGivenElseTheAgeOnTheDay() {
        var name = new PersonName("Jamie");
        var guardian = List.of(new NewGuardian(new PersonName("Pat"), null));
        assertTrue(new NewClient(name, TODAY.minusYears(18).plusDays(1), null, null, guardian).isMinor(TODAY, 18), "18 tomorrow: a minor today");
        assertFalse(new NewClient(name, TODAY.minusYears(18), null, null, List.of()).isMinor(TODAY, 18), "18 today: an adult");
        assertFalse(new NewClient(name, TODAY.minusYears(10), false, null, List.of()).isMinor(TODAY, 18), "the flag wins");
        assertTrue(new NewClient(name, null, true, null, guardian).isMinor(TODAY, 18));
        assertFalse(new NewClient(name, null, null, null, List.of()).isMinor(TODAY, 18), "nothing said: an adult");
        assertTrue(new NewClient(name, TODAY.minusYears(17), null, null, guardian).isMinor(TODAY, 18));
        assertFalse(new NewClient(name, TODAY.minusYears(17), null, null, List.of()).isMinor(TODAY, 16), "the age of majority is configured");
    }

    @Test
    void eachProblemOfAClientIsNamedFirstProblemFirst() {
        var name = new PersonName("Jamie");
        var pat = new NewGuardian(new PersonName("Pat"), EmailAddress.parse("pat@family.example"));
        assertEquals(List.of(), types(new NewClient(name, TODAY.minusYears(9), null, null, List.of(pat))));
        assertEquals(List.of("guardian-required"), types(new NewClient(name, TODAY.minusYears(9), null, null, List.of())));
        assertEquals(List.of("invalid-date-of-birth", "guardian-required"), types(new NewClient(name, TODAY.plusDays(1), true, null, List.of())));
        assertEquals(List.of("invalid-date-of-birth"), types(new NewClient(name, TODAY.minusYears(131), null, null, List.of())));
        assertEquals(List.of("email-of-minor"), types(new NewClient(name, null, true, EmailAddress.parse("j@x.example"), List.of(pat))));
        assertEquals(List.of("guardians-of-adult"), types(new NewClient(name, null, false, null, List.of(pat))));
        assertEquals(List.of("duplicate-email"), types(new NewClient(name, null, true, null, List.of(pat, pat))));
        assertEquals(List.of("too-many-guardians"), types(new NewClient(name, null, true, null, List.of(
                new NewGuardian(name, null), new NewGuardian(name, null), new NewGuardian(name, null), new NewGuardian(name, null), new NewGuardian(name, null)))));
    }

    @Test
    void namesAndExternalIdsFollowTheShownTextRules() {
        assertEquals("invalid-display-name", assertThrows(DomainException.class, () -> PersonName.parse(" ")).type());
        assertEquals("invalid-display-name", assertThrows(DomainException.class, () -> PersonName.parse("Hal\nRoe")).type());
        assertEquals("invalid-display-name", assertThrows(DomainException.class, () -> PersonName.parse("x".repeat(101))).type());
        assertEquals("Jamie Lane", PersonName.parse("  Jamie Lane ").value());
        assertEquals("E-1234", ExternalId.parse(" E-1234 ").value());
        assertNull(ExternalId.parse(""));
        assertEquals("invalid-external-id", assertThrows(DomainException.class, () -> ExternalId.parse("E 1234")).type());
        assertEquals("invalid-external-id", assertThrows(DomainException.class, () -> ExternalId.parse("E\u200B1")).type());
    }

    static List<String> types(NewClient client) {
        return client.problems(TODAY, 18).stream().map(DomainException::type).toList();
    }
}
