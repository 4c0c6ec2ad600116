package care.messaging.platform.rest;

import care.messaging.platform.entity.Identity;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified token's identity for the business components. MP-JWT has already checked signature,
 * issuer, audience and expiry, and {@link TokenTimes} the nbf that MP-JWT leaves out; a request without
 * a token yields an identity without a subject, which the directory refuses with 401.
 */
public final class Identities {

    private Identities() {
    }

    public static Identity of(SecurityContext security) {
        return of(security == null ? null : security.getUserPrincipal());
    }

    /**
     * The same for a servlet request's principal (the WebSocket handshake, outside JAX-RS). The subject and
     * the roles come from the claims {@link IdentityProvider} names; the roles are mapped to the directory's.
     */
    public static Identity of(Principal principal) {
        if (principal instanceof JsonWebToken jwt) {
            return IdentityProvider.current().identity(jwt);
        }
        return new Identity(null, null);
    }

    /** The verified token's exp, or null without a token. */
    public static OffsetDateTime expiresAt(SecurityContext security) {
        return expiresAt(security == null ? null : security.getUserPrincipal());
    }

    public static OffsetDateTime expiresAt(Principal principal) {
        if (principal instanceof JsonWebToken jwt) {
            return Instant.ofEpochSecond(jwt.getExpirationTime()).atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
