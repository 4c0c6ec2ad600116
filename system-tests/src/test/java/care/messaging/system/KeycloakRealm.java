package care.messaging.system;

import care.messaging.testing.Keycloak;
import care.messaging.testing.KeycloakLogin;
import java.time.Duration;
import java.util.List;

/**
 * The project's test realm on a real Keycloak (test-support's {@link Keycloak}), as the token issuer of the
 * domain {@link KeycloakDomain} brings up: the domain is told the realm's JWKS URL, its issuer, the audience
 * the realm's audience mapper puts into the apps' tokens, and the realm roles' mapping onto the directory's,
 * as hospital IT would configure it. Tokens come from a browserless Authorization Code sign-in with PKCE at
 * the apps' own clients, whose redirect URIs are the domain's address (the realm's {@code CARE_APP_ORIGIN}).
 */
final class KeycloakRealm implements TokenIssuer {

    static final String PRACTITIONER_APP = "care-practitioner-app";
    static final String PORTAL = "care-portal";
    /** A client of the same realm whose tokens are meant for another API (audience {@code care-reports}). */
    static final String OTHER_APPLICATION = "care-reports";
    static final String AUDIENCE = "care-messaging";
    /** Keycloak's first start on a fresh unpack rebuilds itself: minutes on a busy machine. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(8);

    private final Keycloak keycloak;
    private final String appOrigin;

    private KeycloakRealm(Keycloak keycloak, String appOrigin) {
        this.keycloak = keycloak;
        this.appOrigin = appOrigin;
    }

    /** Starts Keycloak for the app at this origin; {@link #awaitReady()} waits for it. */
    static KeycloakRealm start(String appOrigin) {
        return new KeycloakRealm(Keycloak.start(appOrigin), appOrigin);
    }

    @Override
    public String issuer() {
        return keycloak.issuer();
    }

    @Override
    public String audience() {
        return AUDIENCE;
    }

    @Override
    public String publicKeyLocation() {
        return keycloak.jwks();
    }

    /** The realm roles of care-realm.json mapped onto the directory's, and the apps' client ids. */
    @Override
    public List<String> properties() {
        return List.of("messaging.identity.client-id.practitioner=" + PRACTITIONER_APP,
                "messaging.identity.client-id.portal=" + PORTAL,
                "messaging.identity.roles-claim=realm_access.roles",
                "messaging.identity.roles.practitioner=clinician",
                "messaging.identity.roles.admin=practice-admin",
                "messaging.identity.roles.client=patient",
                "messaging.identity.roles.operator=hospital-it");
    }

    @Override
    public void awaitReady() {
        try {
            keycloak.awaitReady(READY_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An access token of this realm user, signed in at this client as its app would be. */
    String token(String clientId, String username) {
        var redirect = appOrigin + switch (clientId) {
            case PRACTITIONER_APP -> "/messaging/";
            case PORTAL -> "/messaging/portal/";
            default -> "/reports/";
        };
        return KeycloakLogin.accessToken(keycloak, clientId, redirect, username);
    }

    Keycloak keycloak() {
        return keycloak;
    }

    @Override
    public void close() {
        try {
            keycloak.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
