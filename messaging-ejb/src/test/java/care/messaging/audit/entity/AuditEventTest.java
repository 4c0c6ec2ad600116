package care.messaging.audit.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");
    static final UUID PRACTICE = UUID.fromString("5f0c1b7e-3d2a-4c59-9a8e-1f2b3c4d5e6f");
    static final UUID ACCOUNT = UUID.fromString("0d8f6a52-7c1e-4b3d-8e9f-a1b2c3d4e5f6");
    static final UUID CONVERSATION = UUID.fromString("9a1b2c3d-4e5f-4a6b-8c7d-e8f9a0b1c2d3");
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 2, 9, 30, 15, 123_456_789, ZoneOffset.ofHours(2));

    static AuditEvent event(String requestId) {
        return AuditEvent.of(AT, Actor.account(ACCOUNT, PRACTICE, "practitioner"), Action.CONVERSATION_READ, null,
                        Outcome.SUCCESS, null, Targets.conversation(CONVERSATION, null), new Origin("127.0.0.1", requestId))
                .link(7, AuditEvent.GENESIS);
    }

    @Test
    void timeIsCutToMicrosecondsInUtcSoItSurvivesTheDatabase() {
        var event = event("r1");

        assertEquals(OffsetDateTime.of(2026, 11, 2, 7, 30, 15, 123_456_000, ZoneOffset.UTC), event.at());
        var storedAndReadBack = new AuditEvent(event.no(), event.at().withOffsetSameInstant(ZoneOffset.ofHours(-5)),
                event.practiceId(), event.actor(), event.action(), event.attemptedAction(), event.outcome(),
                event.reason(), event.targets(), event.origin(), event.prevHash(), null);
        assertArrayEquals(event.canonical(), storedAndReadBack.canonical());
    }

    /**
     * Pinned: every stored hash depends on the encoding, so a change to it must be deliberate (a new
     * version tag). The value was cross-checked with an independent implementation of the documented
     * encoding (Python's hmac over the same fields).
     */
    @Test
    void theEncodingIsStableSoStoredHashesStayValid() {
        var sealed = event("r1").seal(KEY);

        assertEquals("62c98ddb170788cb4be60ed0841e7b560464a812fa7a3d5e2a9bf73002e9d2b7", HexFormat.of().formatHex(sealed.hash()));
        assertTrue(sealed.isSealedBy(KEY));
    }

    @Test
    void nullIsNotTheEmptyString() {
        assertFalse(Arrays.equals(event(null).canonical(), event("").canonical()));
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        var a = new Origin("127.0.0.1", "1");
        var b = new Origin("127.0.0.", "11");
        assertFalse(Arrays.equals(withOrigin(a).canonical(), withOrigin(b).canonical()));
    }

    @Test
    void everyColumnIsCovered() {
        var original = event("r1").seal(KEY);
        var other = UUID.randomUUID();
        var changed = new AuditEvent[] {
                copy(original, 8, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at().plusNanos(1000), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), other, original.actor(), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), null, original.actor(), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), Actor.account(other, PRACTICE, "practitioner"), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), Actor.account(ACCOUNT, PRACTICE, "admin"), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), new Actor(ACCOUNT, PRACTICE, "practitioner", "x"), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), "message.create", original.outcome(), original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), "denied", original.reason(), original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), "not-found", original.targets(), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), new Targets(other, null, null, null), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), original.targets().withMessage(other), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), new Targets(CONVERSATION, null, other, null), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), new Targets(CONVERSATION, null, null, other), original.origin(), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), original.targets(), new Origin("10.0.0.1", "r1"), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), original.targets(), new Origin("127.0.0.1", "r2"), original.prevHash()),
                copy(original, 7, original.at(), original.practiceId(), original.actor(), original.action(), original.outcome(), original.reason(), original.targets(), original.origin(), new byte[] {1}),
        };
        for (var event : changed) {
            assertFalse(event.isSealedBy(KEY), event::toString);
        }
        var attempted = new AuditEvent(7, original.at(), original.practiceId(), original.actor(), original.action(),
                "conversation.list", original.outcome(), original.reason(), original.targets(), original.origin(),
                original.prevHash(), original.hash());
        assertFalse(attempted.isSealedBy(KEY));
    }

    @Test
    void theHashDependsOnThePreviousRowsHashAndTheKey() {
        var first = event("r1").seal(KEY);
        var linkedElsewhere = event("r1").link(7, first.hash()).seal(KEY);

        assertNotEquals(HexFormat.of().formatHex(first.hash()), HexFormat.of().formatHex(linkedElsewhere.hash()));
        assertFalse(first.isSealedBy(new SecretKeySpec(new byte[] {1, 2, 3}, "HmacSHA256")));
    }

    @Test
    void anUnlinkedEventCannotBeSealed() {
        var unlinked = AuditEvent.of(AT, Actor.nobody(), Action.ACCESS_DENIED, Action.CONVERSATION_READ,
                Outcome.DENIED, "not-found", Targets.none(), null);

        assertThrows(IllegalStateException.class, () -> unlinked.seal(KEY));
    }

    @Test
    void eventsOfNoPracticeBelongToTheNilChain() {
        var event = AuditEvent.of(AT, Actor.claiming("someone"), Action.TOKEN_REJECTED, null, Outcome.DENIED,
                "expired", Targets.none(), null);

        assertEquals(new UUID(0, 0), event.chain());
        assertEquals(PRACTICE, event("r").chain());
    }

    static AuditEvent withOrigin(Origin origin) {
        var e = event("x");
        return new AuditEvent(e.no(), e.at(), e.practiceId(), e.actor(), e.action(), e.attemptedAction(), e.outcome(),
                e.reason(), e.targets(), origin, e.prevHash(), null);
    }

    static AuditEvent copy(AuditEvent e, long no, OffsetDateTime at, UUID practice, Actor actor, String action,
                           String outcome, String reason, Targets targets, Origin origin, byte[] prev) {
        return new AuditEvent(no, at, practice, actor, action, e.attemptedAction(), outcome, reason, targets, origin,
                prev, e.hash());
    }
}
