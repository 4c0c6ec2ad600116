package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void acceptsUtf8TextIncludingNonAscii() {
        assertNull(RequestBodies.check("{\"html\":\"<p>Grüße, 你好 😀</p>\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesMalformedUtf8() {
        assertEquals("invalid-utf8", RequestBodies.check(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        assertEquals("invalid-utf8", RequestBodies.check(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    }

    @Test
    void refusesNulRawOrEscaped() {
        assertEquals("nul-character", RequestBodies.check("{\"html\":\"a\0b\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("nul-character", RequestBodies.check("{\"html\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("nul-character", RequestBodies.check("{\"html\":\"a\\U0000b\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("nul-character", RequestBodies.check("{\"html\":\"a\\\\\\u0000b\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsTheLiteralTextOfAnEscape() {
        // JSON "a\\u0000b" is a backslash followed by the letters u0000, not a NUL.
        assertNull(RequestBodies.check("{\"html\":\"a\\\\u0000b\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
