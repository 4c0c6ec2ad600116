package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every response carries the browser safeguards, whoever answers it: the API, the static pages, the
 * container's error pages, and the 401 of a token MP-JWT refuses before the app runs. API answers and
 * errors are never cached; HSTS comes with answers over TLS only (the domain's http-listener-2).
 */
@ExtendWith(PayaraServer.class)
class SecurityHeadersIT {

    final Api api;

    SecurityHeadersIT(Api api) {
        this.api = api;
    }

    @Test
    void apiAnswerCarriesEveryHeaderAndNoHstsOverPlainHttp() {
        var reply = api.get(ALEX, "/conversations");

        assertEquals(200, reply.status(), reply::toString);
        assertBrowserSafeguards(reply);
        assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
        assertNull(reply.header("Strict-Transport-Security"), reply::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messaging/", "/messaging/index.html"})
    void staticPageCarriesEveryHeader(String path) {
        var reply = api.server(path, "text/html");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("text/html", reply.mediaType());
        assertBrowserSafeguards(reply);
        assertNull(reply.header("Strict-Transport-Security"), reply::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messaging/no-such-page.html", "/messaging/api/no-such-resource"})
    void notFoundFromTheContainerOrTheApiCarriesEveryHeader(String path) {
        var reply = api.server(path, "application/json");

        assertProblem(404, "not-found", reply);
        assertBrowserSafeguards(reply);
        assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
    }

    @Test
    void refusalOfARequestWithoutTokenCarriesEveryHeader() {
        var reply = api.call(null, "GET", "/conversations", null);

        assertProblem(401, "not-authenticated", reply);
        assertBrowserSafeguards(reply);
        assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
    }

    @Test
    void refusalOfATokenByMpJwtCarriesEveryHeader() {
        var reply = api.call(api.identityProvider().tokenSignedByAnotherKey(ALEX), "GET", "/conversations", null);

        assertProblem(401, "invalid-token", reply);
        assertBrowserSafeguards(reply);
        assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
    }

    @Test
    void answersOverTlsCarryHsts() {
        var apiReply = api.secure(ALEX, "/messaging/api/conversations");
        var page = api.secure(null, "/messaging/");

        assertEquals(200, apiReply.status(), apiReply::toString);
        assertEquals(200, page.status(), page::toString);
        for (var reply : new Api.Reply[]{apiReply, page}) {
            assertBrowserSafeguards(reply);
            assertEquals("max-age=31536000; includeSubDomains", reply.header("Strict-Transport-Security"), reply::toString);
        }
        assertEquals("no-store", apiReply.header("Cache-Control"), apiReply::toString);
    }

    /** No inline script, no framing, no sniffing, no referrer. */
    static void assertBrowserSafeguards(Api.Reply reply) {
        var csp = reply.header("Content-Security-Policy");
        assertNotNull(csp, reply::toString);
        var scriptSources = Arrays.stream(csp.split(";")).map(String::strip)
                .filter(d -> d.startsWith("script-src ")).findFirst().orElse("");
        assertAll(reply.toString(),
                () -> assertEquals("script-src 'self'", scriptSources),
                () -> assertFalse(csp.contains("'unsafe-inline'") || csp.contains("'unsafe-eval'")),
                () -> assertTrue(Arrays.stream(csp.split(";")).map(String::strip).anyMatch("frame-ancestors 'none'"::equals)),
                () -> assertEquals("nosniff", reply.header("X-Content-Type-Options")),
                () -> assertEquals("DENY", reply.header("X-Frame-Options")),
                () -> assertEquals("no-referrer", reply.header("Referrer-Policy")));
    }
}
