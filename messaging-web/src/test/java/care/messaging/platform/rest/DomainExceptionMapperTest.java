package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import jakarta.ejb.EJBException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainExceptionMapperTest {

    DomainExceptionMapper cut = new DomainExceptionMapper();

    @Test
    void eachKindHasItsStatus() {
        var expected = Map.of(DomainException.Kind.INVALID, 400, DomainException.Kind.UNAUTHENTICATED, 401,
                DomainException.Kind.FORBIDDEN, 403, DomainException.Kind.NOT_FOUND, 404, DomainException.Kind.CONFLICT, 409,
                DomainException.Kind.TOO_MANY_REQUESTS, 429);
        expected.forEach((kind, status) -> {
            var response = cut.toResponse(new DomainException(kind, "some-type", "Some title"));
            assertEquals(status, response.getStatus());
            assertEquals(Problems.MEDIA_TYPE, response.getMediaType().toString());
            var body = (String) response.getEntity();
            assertTrue(body.contains("\"type\":\"urn:care-messaging:problem:some-type\""), body);
            assertTrue(body.contains("\"status\":" + status), body);
            assertTrue(body.contains("\"instance\":\"urn:uuid:"), body);
        });
    }

    @Test
    void unauthenticatedAnswersSayHowToAuthenticate() {
        var response = cut.toResponse(DomainException.unauthenticated("unknown-account", "x"));
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void rateLimitedAnswersSayWhenToRetry() {
        var response = cut.toResponse(DomainException.tooManyRequests("rate-limited", "x", 7));
        assertEquals(429, response.getStatus());
        assertEquals("7", response.getHeaderString("Retry-After"));
    }

    @Test
    void findsTheDomainExceptionInsideContainerWrappers() {
        var cause = DomainException.notFound();
        assertEquals(cause, DomainExceptionMapper.unwrap(new EJBException(new RuntimeException(cause))));
        assertEquals(null, DomainExceptionMapper.unwrap(new IllegalStateException()));
    }
}
