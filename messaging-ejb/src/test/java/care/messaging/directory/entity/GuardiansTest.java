package care.messaging.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardiansTest {

    @Test
    void oneGuardian() {
        assertEquals("Jordan Lee, guardian of Sam Lee", Guardians.note(List.of("Jordan Lee"), "Sam Lee"));
    }

    @Test
    void coGuardiansAreNamedTogether() {
        assertEquals("Jordan Lee and Pat Lee, guardians of Sam Lee", Guardians.note(List.of("Jordan Lee", "Pat Lee"), "Sam Lee"));
        assertEquals("A Lee, B Lee and C Lee, guardians of Sam Lee", Guardians.note(List.of("A Lee", "B Lee", "C Lee"), "Sam Lee"));
    }

    @Test
    void namesAggregatedByTheDatabase() {
        assertEquals("Jordan Lee and Pat Lee, guardians of Sam Lee",
                Guardians.note("Jordan Lee" + Guardians.SEPARATOR + "Pat Lee", "Sam Lee"));
        assertNull(Guardians.note((String) null, "Alex Morgan"), "no guardians, no note");
    }
}
