package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.ProblemType.Kind;
import jakarta.ejb.EJBException;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainExceptionMapperTest {

    DomainExceptionMapper cut = new DomainExceptionMapper();

    static final Map<Kind, Integer> STATUSES = Map.ofEntries(Map.entry(Kind.INVALID, 400), Map.entry(Kind.UNAUTHENTICATED, 401),
            Map.entry(Kind.FORBIDDEN, 403), Map.entry(Kind.NOT_FOUND, 404), Map.entry(Kind.METHOD_NOT_ALLOWED, 405),
            Map.entry(Kind.NOT_ACCEPTABLE, 406), Map.entry(Kind.CONFLICT, 409), Map.entry(Kind.TOO_LARGE, 413),
            Map.entry(Kind.UNSUPPORTED_MEDIA_TYPE, 415), Map.entry(Kind.UNPROCESSABLE, 422), Map.entry(Kind.TOO_MANY_REQUESTS, 429), Map.entry(Kind.FAILED, 500),
            Map.entry(Kind.UNAVAILABLE, 503), Map.entry(Kind.INSUFFICIENT_STORAGE, 507));

    /** The container's own refusals ({@code REFUSED}) keep the status it chose: HttpProblemsTest. */
    @Test
    void eachTypeIsAnsweredWithTheStatusOfItsKind() {
        for (var problem : EnumSet.complementOf(EnumSet.of(ProblemType.HTTP_STATUS))) {
            var status = STATUSES.get(problem.kind());
            var response = cut.toResponse(new DomainException(problem, "Some title"));
            assertEquals(status, response.getStatus(), problem::toString);
            assertEquals(Problems.MEDIA_TYPE, response.getMediaType().toString());
            var body = (String) response.getEntity();
            assertTrue(body.contains("\"type\":\"urn:care-messaging:problem:" + problem.slug() + "\""), body);
            assertTrue(body.contains("\"status\":" + status), body);
            assertTrue(body.contains("\"title\":\"Some title\""), body);
            assertTrue(body.contains("\"instance\":\"urn:uuid:"), body);
        }
    }

    @Test
    void everyKindButTheContainersOwnRefusalsHasAStatus() {
        assertEquals(EnumSet.complementOf(EnumSet.of(Kind.REFUSED)), EnumSet.copyOf(STATUSES.keySet()));
        assertThrows(IllegalArgumentException.class, () -> Problems.status(Kind.REFUSED));
    }

    @Test
    void unauthenticatedAnswersSayHowToAuthenticate() {
        var response = cut.toResponse(new DomainException(ProblemType.UNKNOWN_ACCOUNT, "x"));
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void rateLimitedAnswersSayWhenToRetry() {
        var response = cut.toResponse(DomainException.tooManyRequests(ProblemType.RATE_LIMITED, "x", 7));
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
