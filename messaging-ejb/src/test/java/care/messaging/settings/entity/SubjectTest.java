package care.messaging.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import org.junit.jupiter.api.Test;

class SubjectTest {

    @Test
    void anOidcSubjectIsAccepted() {
        assertEquals("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", new Subject("f81d4fae-7dec-11d0-a765-00a0c91e6bf6").value());
        assertEquals("casey.diaz", new Subject("casey.diaz").value());
        assertEquals(255, new Subject("a".repeat(255)).value().length());
    }

    @Test
    void typosAreRefused() {
        for (var bad : new String[]{null, "", " casey", "casey ", "ca sey", "casey\n", "casé", "a".repeat(256)}) {
            var e = assertThrows(DomainException.class, () -> new Subject(bad), String.valueOf(bad));
            assertEquals("invalid-subject", e.type());
        }
    }
}
