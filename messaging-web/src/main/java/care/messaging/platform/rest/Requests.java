package care.messaging.platform.rest;

import care.messaging.platform.control.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notes a request's id and source address for the audit trail. {@link RequestIds} does it for every
 * request; a filter that audits on its own (the WebSocket handshake) calls it too, since the order of
 * annotated filters is unspecified. The first call wins, so both see the same id.
 */
@ApplicationScoped
public class Requests {

    @Inject
    RequestContext context;
    /** Off by default: anyone can send X-Forwarded-For, only a proxy that overwrites it makes it true. */
    @Inject
    @ConfigProperty(name = "messaging.audit.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    /** Starts the request's audit context (once) and answers its id. */
    public String start(HttpServletRequest request) {
        context.start(RequestIds.requestId(request.getHeader(RequestIds.HEADER)), sourceAddress(request));
        return context.requestId();
    }

    String sourceAddress(HttpServletRequest request) {
        var forwarded = trustForwardedFor ? RequestIds.nearestForwarded(request.getHeader("X-Forwarded-For")) : null;
        return forwarded != null ? forwarded : request.getRemoteAddr();
    }
}
