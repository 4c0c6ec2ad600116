package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import care.messaging.platform.entity.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void acceptsUtf8TextIncludingNonAscii() {
        assertNull(RequestBodies.problem(utf8("{\"html\":\"<p>Grüße, 你好 😀</p>\"}")));
    }

    @Test
    void refusesMalformedUtf8() {
        assertEquals(ProblemType.INVALID_ENCODING, RequestBodies.problem(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        assertEquals(ProblemType.INVALID_ENCODING, RequestBodies.problem(new byte[]{'"', (byte) 0xE2, (byte) 0x82, '"'}));
    }

    @Test
    void refusesOverlongAndSurrogateEncodings() {
        assertEquals(ProblemType.INVALID_ENCODING, RequestBodies.problem(new byte[]{(byte) 0xC0, (byte) 0xAF}));
        assertEquals(ProblemType.INVALID_ENCODING, RequestBodies.problem(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    }

    @Test
    void refusesNulRawOrEscaped() {
        assertEquals(ProblemType.NUL_CHARACTER, RequestBodies.problem(utf8("{\"html\":\"a\0b\"}")));
        assertEquals(ProblemType.NUL_CHARACTER, RequestBodies.problem(utf8("{\"html\":\"a\\u0000b\"}")));
        assertEquals(ProblemType.NUL_CHARACTER, RequestBodies.problem(utf8("{\"html\":\"\\u0000\"}")));
        // an escaped backslash, then an escaped NUL
        assertEquals(ProblemType.NUL_CHARACTER, RequestBodies.problem(utf8("{\"html\":\"a\\\\\\u0000b\"}")));
    }

    @Test
    void acceptsTheLiteralTextOfAnEscape() {
        // JSON "a\\u0000b" is a backslash followed by the letters u0000, not a NUL.
        assertNull(RequestBodies.problem(utf8("{\"html\":\"a\\\\u0000b\"}")));
        assertNull(RequestBodies.problem(utf8("{\"html\":\"a\\\\\\\\u0000b\"}")));
        assertNull(RequestBodies.problem(utf8("{\"html\":\"\\u0001\"}")));
    }

    @Test
    void theWrappedRequestServesOneStreamWhateverIsAskedAndHowOften() throws IOException {
        var body = utf8("{\"html\":\"<p>Grüße</p>\"}");
        var cut = new RequestBodies.ReadOnce(request(), body);

        var first = cut.getInputStream();
        assertEquals('{', first.read());
        assertSame(first, cut.getInputStream());
        assertArrayEquals(Arrays.copyOfRange(body, 1, body.length), cut.getInputStream().readAllBytes());
        assertEquals(-1, cut.getInputStream().read());
        assertEquals(body.length, cut.getContentLengthLong());
        assertSame(cut.getReader(), cut.getReader());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The wrapper only needs a request to wrap; none of its methods is called. */
    static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestBodiesTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
