package care.messaging.platform.rest;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token check MP-JWT leaves to the application: {@code nbf}. Payara verifies the signature (RS256 or
 * ES256 only), issuer, audience and {@code exp} with {@code mp.jwt.verify.clock.skew}, but accepts a token
 * that is not valid yet. Such a token is refused here like any other invalid one (401 invalid-token), with
 * the same skew allowed.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TokenTimes implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long skewSeconds;
    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt && notYetValid(jwt)) {
            throw new DomainException(ProblemType.INVALID_TOKEN, "A valid bearer token is required");
        }
    }

    /** The same check for requests outside JAX-RS (the WebSocket handshake). */
    public boolean notYetValid(JsonWebToken jwt) {
        return notYetValid(jwt.getClaim(Claims.nbf.name()), clock.instant(), skewSeconds);
    }

    /** Whether the nbf claim (seconds since the epoch; absent means no restriction) lies beyond now plus the skew. */
    static boolean notYetValid(Object nbf, Instant now, long skewSeconds) {
        if (nbf == null) {
            return false;
        }
        long notBefore;
        if (nbf instanceof Number number) {
            notBefore = number.longValue();
        } else if (nbf instanceof JsonNumber number) {
            notBefore = number.longValue();
        } else {
            return true; // not a NumericDate: a malformed token
        }
        return notBefore > now.getEpochSecond() + skewSeconds;
    }
}
