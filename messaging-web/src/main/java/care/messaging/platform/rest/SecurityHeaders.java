package care.messaging.platform.rest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Headers every response carries: no inline script, no framing, no sniffing, no referrer; API answers
 * and errors are never cached (they hold PHI or say who may see what); HSTS once the request came over TLS.
 * <p>
 * Also on the ERROR dispatch: a token that MP-JWT refuses is answered before any filter runs for the
 * request itself, so the error page's dispatch is the only chance to add the headers to that 401.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; img-src 'self' data: blob:; connect-src 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /**
     * The policy: where the apps sign in through an identity provider, their pages may also call it (its
     * discovery document, keys and token endpoint); nothing else beyond this origin.
     */
    static String csp(Optional<String> provider) {
        return provider.map(origin -> CSP + " " + origin).orElse(CSP);
    }

    /** Sets the headers; safe to call more than once for one response. */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", csp(IdentityProvider.current().origin()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getDispatcherType() == DispatcherType.ERROR
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
