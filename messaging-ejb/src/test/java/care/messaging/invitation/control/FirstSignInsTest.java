package care.messaging.invitation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.Identity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which prepared account a first sign-in binds to without a code: exactly one eligible, or none. */
class FirstSignInsTest {

    static final Set<Role> ALL = Set.of(Role.values());

    static Account account(Role role) {
        return new Account(UUID.randomUUID(), "u-" + UUID.randomUUID(), role, "Someone");
    }

    static Identity token(String... groups) {
        return new Identity("sub-1", Set.of(groups), "ana@example.org", "E-1042");
    }

    @Test
    void exactlyOneEligibleAccountBinds() {
        var client = account(Role.CLIENT);
        assertEquals(Optional.of(client), FirstSignIns.only(List.of(client), token("client"), ALL));
    }

    @Test
    void noneOrSeveralBindNothing() {
        assertTrue(FirstSignIns.only(List.of(), token("client"), ALL).isEmpty());
        assertTrue(FirstSignIns.only(List.of(account(Role.CLIENT), account(Role.CLIENT)), token("client"), ALL).isEmpty(),
                "the same e-mail in two practices picks neither");
    }

    @Test
    void theTokenMustCarryTheAccountsRole() {
        assertTrue(FirstSignIns.only(List.of(account(Role.ADMIN)), token("client"), ALL).isEmpty());
        var practitioner = account(Role.PRACTITIONER);
        assertEquals(Optional.of(practitioner), FirstSignIns.only(List.of(account(Role.ADMIN), practitioner), token("practitioner"), ALL),
                "only the account in the token's role counts");
    }

    @Test
    void anAccountThatSignedUpIsNoCandidate() {
        var signedUp = account(Role.CLIENT);
        signedUp.signUp("someone-else", OffsetDateTime.now());
        assertTrue(FirstSignIns.only(List.of(signedUp), token("client"), ALL).isEmpty());
    }

    @Test
    void theMappedClaimNeverBindsAClientAccount() {
        assertTrue(FirstSignIns.only(List.of(account(Role.CLIENT)), token("client"), FirstSignIns.CLAIM_ROLES).isEmpty());
        var admin = account(Role.ADMIN);
        assertEquals(Optional.of(admin), FirstSignIns.only(List.of(admin), token("admin"), FirstSignIns.CLAIM_ROLES));
    }

    @Test
    void anOperatorIsNeverBoundThisWay() {
        assertTrue(FirstSignIns.only(List.of(account(Role.OPERATOR)), token("operator"), ALL).isEmpty());
    }
}
