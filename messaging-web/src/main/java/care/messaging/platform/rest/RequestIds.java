package care.messaging.platform.rest;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id and notes where it came from, for the audit trail. A caller's
 * {@code X-Request-Id} is kept if it is a plain token (so a client or gateway can correlate), else a new
 * one is made; either way the response carries it. Also runs on the error dispatch: a token that the
 * server refuses never reaches the request dispatch's filters, but its refusal is audited too.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIds extends HttpFilter {

    static final String HEADER = "X-Request-Id";
    static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    @Inject
    Requests requests;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(HEADER, requests.start(request));
        chain.doFilter(request, response);
    }

    static String requestId(String offered) {
        return offered != null && PLAIN_TOKEN.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The last hop, the one the trusted proxy itself saw; earlier entries are whatever the client wrote. */
    static String nearestForwarded(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var hops = header.split(",");
        var nearest = hops[hops.length - 1].strip();
        return ADDRESS.matcher(nearest).matches() ? nearest : null;
    }
}
