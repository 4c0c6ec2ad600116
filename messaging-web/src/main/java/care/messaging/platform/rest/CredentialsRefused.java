package care.messaging.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A request the API refused for its credentials before any use case ran: a bearer token the server did
 * not accept, or no token at all ({@code bearerToken} null). Fired synchronously as a CDI event, so the
 * audit component records it without this package depending on it; the token never leaves memory.
 */
public record CredentialsRefused(String bearerToken) {

    /** The refusal a 401 error page stands for, if the request carried a bearer token that was not accepted. */
    static Optional<CredentialsRefused> of(HttpServletRequest request) {
        var authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || request.getUserPrincipal() != null) {
            return Optional.empty();
        }
        return Optional.of(new CredentialsRefused(authorization.substring(7).strip()));
    }
}
