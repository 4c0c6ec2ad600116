package care.messaging.invitation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationTest {

    static final OffsetDateTime MADE = OffsetDateTime.parse("2026-03-01T09:00:00Z");

    @Test
    void aCodeIs256UrlSafeRandomBitsAndOnlyItsHashIsKept() {
        var code = InvitationCode.random();
        assertTrue(code.value().matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(code.value(), InvitationCode.random().value());
        assertEquals(32, code.hash().length);
        assertFalse(code.toString().contains(code.value()), "a code never reaches a log line");
    }

    @Test
    void aMalformedCodeIsRefusedAsSuch() {
        for (var bad : new String[] {null, "", "abc", "A".repeat(44), "A".repeat(42) + "=", "A".repeat(42) + "+"}) {
            var refused = assertThrows(DomainException.class, () -> new InvitationCode(bad));
            assertEquals(ProblemType.INVALID_INVITATION_CODE, refused.problem());
        }
    }

    @Test
    void itWorksUntilItsLifetimeIsOverAndOnlyOnce() {
        var last = invitation();
        last.redeem(MADE.plusDays(7).minusNanos(1000));
        assertEquals(ProblemType.INVITATION_USED, assertThrows(DomainException.class, () -> last.redeem(MADE.plusDays(7).minusNanos(1000))).problem());
        var late = invitation();
        assertEquals(ProblemType.INVITATION_EXPIRED, assertThrows(DomainException.class, () -> late.redeem(MADE.plusDays(7))).problem());
        assertFalse(late.isLive(MADE.plusDays(7)));
    }

    @Test
    void aRevokedInvitationStaysRevoked() {
        var revoked = invitation();
        revoked.revoke(MADE.plusHours(1));
        assertEquals(ProblemType.INVITATION_REVOKED, assertThrows(DomainException.class, () -> revoked.redeem(MADE.plusHours(2))).problem());
        assertThrows(DomainException.class, () -> revoked.revoke(MADE.plusHours(3)));
        assertFalse(revoked.isLive(MADE.plusHours(2)));
    }

    static Invitation invitation() {
        return new Invitation(UUID.randomUUID(), UUID.randomUUID(), InvitationCode.random(), UUID.randomUUID(), MADE, Duration.ofDays(7));
    }
}
