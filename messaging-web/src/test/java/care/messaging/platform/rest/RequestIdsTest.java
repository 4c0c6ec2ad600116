package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aPlainTokenOfUpTo64CharactersIsKept() {
        assertEquals("gw-7f3a.01_x", RequestIds.requestId("gw-7f3a.01_x"));
        assertEquals("a".repeat(64), RequestIds.requestId("a".repeat(64)));
    }

    @Test
    void anythingElseIsReplacedByAFreshUuid() {
        for (var offered : new String[] {null, "", "a".repeat(65), "has space", "semi;colon", "new\nline", "=cmd|x"}) {
            var id = RequestIds.requestId(offered);
            assertNotEquals(offered, id);
            UUID.fromString(id);
        }
    }

    @Test
    void theNearestForwardedHopIsTakenAndOnlyIfItIsAnAddress() {
        assertEquals("10.1.2.3", RequestIds.nearestForwarded("203.0.113.9, 10.1.2.3"));
        assertEquals("2001:db8::1", RequestIds.nearestForwarded("2001:db8::1"));
        assertNull(RequestIds.nearestForwarded("10.1.2.3, <script>"));
        assertNull(RequestIds.nearestForwarded(null));
    }
}
