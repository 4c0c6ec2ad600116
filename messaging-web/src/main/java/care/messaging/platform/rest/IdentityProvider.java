package care.messaging.platform.rest;

import care.messaging.platform.entity.Identity;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the app knows of the hospital's identity provider, from MicroProfile Config: which claim names the
 * directory's subject, which claim carries the provider's roles and which of those mean practitioner,
 * admin, client or operator; and what the browser apps need to sign in there (the issuer MP-JWT accepts,
 * each app's client id, the scope). A provider's role names are its own (Keycloak realm roles, Entra ID app
 * roles): the mapping keeps them out of the directory, which knows only its four roles. Read once per
 * deployment, like MP-JWT's own settings, so a change needs a restart (or disable and enable) either way.
 */
public final class IdentityProvider {

    /** The directory's role claims, as {@code Accounts} compares them. */
    static final List<String> APP_ROLES = List.of("practitioner", "admin", "client", "operator");

    /** What an app needs to sign in: the issuer (its discovery document is under it), the client ids, the scope. */
    public record SignIn(String issuer, String practitionerClientId, String portalClientId, String scope) {
    }

    private static volatile IdentityProvider current;

    private final String subjectClaim;
    private final List<String> rolesClaim;
    private final Map<String, Set<String>> appRolesOf;
    private final Optional<SignIn> signIn;
    /** {@code messaging.identity.bind-claim}: the claim whose value is a member's external id; null: off. */
    private final String bindClaim;

    private IdentityProvider(String subjectClaim, List<String> rolesClaim, Map<String, Set<String>> appRolesOf, Optional<SignIn> signIn,
                             String bindClaim) {
        this.bindClaim = bindClaim;
        this.subjectClaim = subjectClaim;
        this.rolesClaim = rolesClaim;
        this.appRolesOf = appRolesOf;
        this.signIn = signIn;
    }

    /** This deployment's settings, read from MicroProfile Config at the first use. */
    public static IdentityProvider current() {
        var settings = current;
        if (settings == null) {
            var config = ConfigProvider.getConfig();
            settings = of(key -> config.getOptionalValue(key, String.class));
            current = settings;
        }
        return settings;
    }

    /** Settings from any key lookup (tests pass a map's). */
    static IdentityProvider of(Function<String, Optional<String>> config) {
        var appRolesOf = new HashMap<String, Set<String>>();
        for (var role : APP_ROLES) {
            for (var providerRole : list(config.apply("messaging.identity.roles." + role).orElse(role))) {
                appRolesOf.computeIfAbsent(providerRole, r -> new HashSet<>()).add(role);
            }
        }
        var issuer = config.apply("mp.jwt.verify.issuer");
        var practitioner = config.apply("messaging.identity.client-id.practitioner");
        var portal = config.apply("messaging.identity.client-id.portal");
        var signIn = issuer.isPresent() && practitioner.isPresent() && portal.isPresent()
                ? Optional.of(new SignIn(issuer.get(), practitioner.get(), portal.get(),
                        config.apply("messaging.identity.scope").orElse("openid")))
                : Optional.<SignIn>empty();
        return new IdentityProvider(config.apply("messaging.identity.subject-claim").orElse("sub"),
                List.of(config.apply("messaging.identity.roles-claim").orElse("groups").split("\\.")),
                Map.copyOf(appRolesOf), signIn,
                config.apply("messaging.identity.bind-claim").map(String::strip).filter(c -> !c.isEmpty()).orElse(null));
    }

    /** The verified token's subject and the directory roles its provider roles map to (unknown roles are dropped). */
    public Identity identity(JsonWebToken jwt) {
        Object subject = jwt.getClaim(subjectClaim);
        return new Identity(subject instanceof String s && !s.isBlank() ? s : null, appRoles(jwt.getClaim(rolesClaim.get(0))),
                verifiedEmail(jwt.getClaim("email"), jwt.getClaim("email_verified")),
                bindClaim == null ? null : text(jwt.getClaim(bindClaim)));
    }

    /** The token's e-mail only when the provider says it verified it ({@code email_verified} true, as JSON or text). */
    static String verifiedEmail(Object email, Object verified) {
        var value = text(email);
        var isVerified = verified == jakarta.json.JsonValue.TRUE || Boolean.TRUE.equals(verified)
                || "true".equals(text(verified));
        return isVerified ? value : null;
    }

    static String text(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim instanceof String s ? s : null;
    }

    Set<String> appRoles(Object claim) {
        var roles = new HashSet<String>();
        for (var providerRole : providerRoles(claim)) {
            roles.addAll(appRolesOf.getOrDefault(providerRole, Set.of()));
        }
        return roles;
    }

    /** The provider's role names at the claim's path: a list, one string, or a list inside objects (realm_access.roles). */
    List<String> providerRoles(Object claim) {
        Object value = claim;
        for (var name : rolesClaim.subList(1, rolesClaim.size())) {
            value = value instanceof JsonObject object ? object.get(name) : value instanceof Map<?, ?> map ? map.get(name) : null;
        }
        if (value instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(v -> v instanceof JsonString s ? s.getString() : String.valueOf(v)).toList();
        }
        if (value instanceof JsonString string) {
            return List.of(string.getString());
        }
        return value instanceof String string ? List.of(string) : List.of();
    }

    /** Present when the apps sign in through the provider: the issuer and both apps' client ids are configured. */
    public Optional<SignIn> signIn() {
        return signIn;
    }

    /** The provider's origin (scheme://host[:port]), which the apps' pages must be allowed to call (CSP connect-src). */
    public Optional<String> origin() {
        return signIn.map(s -> {
            var issuer = URI.create(s.issuer());
            return issuer.getScheme() + "://" + issuer.getRawAuthority();
        });
    }

    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
