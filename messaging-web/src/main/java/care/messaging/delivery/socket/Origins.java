package care.messaging.delivery.socket;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which pages may open the WebSocket. A browser always sends Origin on the handshake, and a ticket in the
 * URL would otherwise let any site that obtained one open a socket with the user's events (cross-site
 * WebSocket hijacking). A request without Origin is no browser's and is let through. Allowed: the
 * configured origins ({@code messaging.ws.allowed-origins}, exact {@code scheme://host[:port]}), and the
 * page's own origin: an Origin whose host and port are the request's Host.
 */
@ApplicationScoped
public class Origins {

    @Inject
    @ConfigProperty(name = "messaging.ws.allowed-origins")
    Optional<String> configured;

    private Set<String> allowlist;

    @PostConstruct
    void init() {
        allowlist = parse(configured.orElse(""));
    }

    public boolean allowed(String origin, String host) {
        return allowed(allowlist, origin, host);
    }

    static Set<String> parse(String list) {
        return Arrays.stream(list.split(","))
                .map(o -> o.strip().toLowerCase(Locale.ROOT))
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .filter(o -> !o.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    static boolean allowed(Set<String> allowlist, String origin, String host) {
        if (origin == null) {
            return true;
        }
        var normalized = origin.strip().toLowerCase(Locale.ROOT);
        return allowlist.contains(normalized) || host != null && sameOrigin(normalized, host.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the origin's host and port are the Host header's, a default port written or not on either side. */
    static boolean sameOrigin(String origin, String host) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        var scheme = uri.getScheme();
        if (uri.getHost() == null || uri.getRawAuthority() == null || !("http".equals(scheme) || "https".equals(scheme))
                || uri.getRawAuthority().contains("@") || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return false;
        }
        var defaultPort = "https".equals(scheme) ? ":443" : ":80";
        return withoutPort(uri.getRawAuthority(), defaultPort).equals(withoutPort(host, defaultPort));
    }

    private static String withoutPort(String authority, String defaultPort) {
        return authority.endsWith(defaultPort) ? authority.substring(0, authority.length() - defaultPort.length()) : authority;
    }
}
