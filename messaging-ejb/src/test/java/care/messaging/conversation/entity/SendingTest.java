package care.messaging.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.conversation.entity.Sending.Facts;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.PolicyRefusal;
import org.junit.jupiter.api.Test;

class SendingTest {

    /** Practice on, client in care with messaging on, not blocked, signed up. */
    static final Facts OPEN = new Facts(true, true, true, false, true);

    @Test
    void bothSidesWriteWhenEverythingIsOn() {
        assertAll(
                () -> assertEquals(new Sending(true, null, true, false), Sending.of(OPEN, false)),
                () -> assertEquals(new Sending(true, null, true, false), Sending.of(OPEN, true)));
    }

    @Test
    void practiceSwitchedOffStopsBothSides() {
        var off = new Facts(false, true, true, false, true);
        assertEquals("messaging-off", Sending.of(off, false).reason());
        assertEquals("messaging-off", Sending.of(off, true).reason());
        assertFalse(Sending.of(off, true).allowed());
    }

    @Test
    void clientSwitchedOffLocksTheThreadForBothSides() {
        var off = new Facts(true, true, false, false, true);
        assertEquals("messaging-disabled", Sending.of(off, false).reason());
        assertEquals("messaging-disabled", Sending.of(off, true).reason());
    }

    @Test
    void aBlockStopsOnlyTheClientSide() {
        var blocked = new Facts(true, true, true, true, true);
        var practitioner = Sending.of(blocked, false);
        var client = Sending.of(blocked, true);
        assertAll(
                () -> assertTrue(practitioner.allowed()),
                () -> assertTrue(practitioner.clientBlocked(), "the practitioner sees that they blocked the client"),
                () -> assertFalse(client.allowed()),
                () -> assertEquals("client-blocked", client.reason()));
    }

    @Test
    void aClientWhoHasNotSignedUpCanStillBeWrittenTo() {
        var waiting = Sending.of(new Facts(true, true, true, false, false), false);
        assertTrue(waiting.allowed());
        assertNull(waiting.reason());
        assertFalse(waiting.clientSignedUp(), "the app says the messages wait");
    }

    @Test
    void theMostLastingReasonWins() {
        assertEquals("client-discharged", Sending.of(new Facts(false, false, false, true, true), false).reason());
        assertEquals("messaging-off", Sending.of(new Facts(false, true, false, true, true), true).reason());
        assertEquals("messaging-disabled", Sending.of(new Facts(true, true, false, true, true), true).reason());
    }

    @Test
    void requireRefusesWithTheReasonAsProblemType() {
        for (var reason : new String[]{"client-discharged", "messaging-off", "messaging-disabled", "client-blocked"}) {
            var refusal = assertThrows(DomainException.class, () -> new Sending(false, reason, true, false).require());
            assertAll(reason,
                    () -> assertInstanceOf(PolicyRefusal.class, refusal, "audited as a refusal"),
                    () -> assertEquals(reason, refusal.type()),
                    () -> assertEquals(ProblemType.Kind.CONFLICT, refusal.kind()));
        }
        var allowed = Sending.of(OPEN, true);
        assertEquals(allowed, allowed.require());
    }

    @Test
    void colleaguesAreStoppedOnlyByThePracticeSwitch() {
        var on = Sending.colleague(true);
        assertTrue(on.allowed());
        assertNull(on.reason());
        assertFalse(on.clientBlocked());
        var off = Sending.colleague(false);
        assertFalse(off.allowed());
        assertEquals(Sending.PRACTICE_OFF, off.reason());
        assertEquals(Sending.PRACTICE_OFF, assertThrows(PolicyRefusal.class, off::require).type());
    }
}
