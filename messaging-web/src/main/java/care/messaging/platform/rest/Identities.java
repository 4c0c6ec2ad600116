package care.messaging.platform.rest;

import care.messaging.directory.entity.Identity;
import jakarta.ws.rs.core.SecurityContext;
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
        if (security != null && security.getUserPrincipal() instanceof JsonWebToken jwt) {
            return new Identity(jwt.getSubject(), jwt.getGroups());
        }
        return new Identity(null, null);
    }
}
