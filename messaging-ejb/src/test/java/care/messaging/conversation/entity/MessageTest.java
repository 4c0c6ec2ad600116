package care.messaging.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.crypto.entity.Sealed;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-21T10:00:00Z");

    Author rivera = new Author(UUID.randomUUID(), "Dr. Maria Rivera", false);
    Message cut = new Message(UUID.randomUUID(), 7, rivera, UUID.randomUUID(), T0);

    @Test
    void erasingDropsCiphertextAndKeyButKeepsThePlaceInTheOrder() {
        cut.seal(new Sealed(new byte[]{1, 0, 0, 0, 3, 42}, 3));
        cut.erase(T0.plusMinutes(5));
        assertTrue(cut.isDeleted());
        assertNull(cut.body());
        assertNull(cut.bodyKey());
        assertEquals(7, cut.seq());
        assertEquals(T0.plusMinutes(5), cut.deletedAt());
    }

    @Test
    void erasingAgainKeepsTheFirstTime() {
        cut.erase(T0.plusMinutes(5));
        cut.erase(T0.plusMinutes(9));
        assertEquals(T0.plusMinutes(5), cut.deletedAt());
    }

    @Test
    void onlyItsSenderSentIt() {
        assertTrue(cut.sentBy(rivera.accountId()));
        assertFalse(cut.sentBy(UUID.randomUUID()));
        assertFalse(cut.isDeleted());
    }
}
