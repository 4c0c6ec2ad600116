package care.messaging.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The refusals that need no database: the account lookups themselves are covered in-container. */
class AccountsTest {

    Accounts cut = new Accounts();

    @Test
    void refusesRequestsWithoutToken() {
        var e = assertThrows(DomainException.class, () -> cut.authenticate(new Identity(null, null)));
        assertEquals("not-authenticated", e.type());
        assertEquals(ProblemType.Kind.UNAUTHENTICATED, e.kind());
    }

    @Test
    void refusesTokensWithoutRole() {
        var e = assertThrows(DomainException.class, () -> cut.authenticate(new Identity("dr.rivera", Set.of())));
        assertEquals("no-role", e.type());
        assertEquals(ProblemType.Kind.UNAUTHENTICATED, e.kind());
    }
}
