package care.messaging.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void aClaimedSubjectIsKeptPrintableAndShort() {
        assertEquals("a?b?c", Actor.claiming("a\u0000b\nc").subject());
        assertEquals(Actor.MAX_SUBJECT, Actor.claiming("x".repeat(5000)).subject().length());
        assertNull(Actor.claiming(null).subject());
    }
}
