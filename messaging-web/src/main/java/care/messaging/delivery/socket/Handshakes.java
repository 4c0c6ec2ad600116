package care.messaging.delivery.socket;

import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.delivery.boundary.Realtime;
import care.messaging.delivery.entity.Admission;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.platform.rest.Problems;
import care.messaging.platform.rest.Requests;
import care.messaging.platform.rest.TokenTimes;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets a WebSocket handshake on /ws through, or answers it with a real HTTP status before the upgrade
 * (an endpoint configurator cannot choose the status): 403 origin-not-allowed for a page of a foreign
 * origin, 401 without a valid ticket or bearer token, 400 for a malformed cursor. A bearer token was
 * already verified by the server's MP-JWT (an invalid one is refused with 401 before this filter runs);
 * a ticket is redeemed through {@link Realtime}, which also audits the opening or the refusal.
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class Handshakes extends HttpFilter {

    @Inject
    Requests requests;
    @Inject
    Origins origins;
    @Inject
    Realtime realtime;
    @Inject
    TokenTimes tokenTimes;
    @Inject
    AuditTrail trail;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response); // not a handshake: the container answers it as any other GET
            return;
        }
        requests.start(request);
        var token = request.getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        try {
            if (!origins.allowed(request.getHeader("Origin"), request.getHeader("Host"))) {
                var refusal = new DomainException(ProblemType.ORIGIN_NOT_ALLOWED, "This page's origin may not open the WebSocket");
                trail.recordDenied(token == null ? null : Identities.of(token), Action.REALTIME_CONNECT, refusal, Targets.none());
                throw refusal;
            }
            var after = Params.eventCursor(request.getParameter("after"));
            var admission = token != null ? bearer(token) : realtime.redeem(request.getParameter("ticket"));
            chain.doFilter(new Admitted(request, new SocketPrincipal(admission, after)), response);
        } catch (DomainException e) {
            Problems.refuse(request, response, e.problem(), e.title());
        }
    }

    Admission bearer(JsonWebToken token) {
        if (tokenTimes.notYetValid(token)) {
            throw new DomainException(ProblemType.INVALID_TOKEN, "A valid bearer token is required");
        }
        return realtime.connect(Identities.of(token), Identities.expiresAt(token));
    }

    /** The handshake as the WebSocket container sees it: its principal is the admission. */
    static final class Admitted extends HttpServletRequestWrapper {

        private final SocketPrincipal principal;

        Admitted(HttpServletRequest request, SocketPrincipal principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }
    }
}
