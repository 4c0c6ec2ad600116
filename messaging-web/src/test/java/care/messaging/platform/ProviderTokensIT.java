package care.messaging.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Keycloak;
import care.messaging.testing.MicroNode;
import care.messaging.ui.ProviderApp;
import com.nimbusds.jwt.SignedJWT;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API against a real Keycloak: its tokens are verified by MP-JWT against the realm's JWKS, issuer and
 * audience, their roles mapped to the directory's; a token meant for another application is refused; and
 * after the realm rotates its signing key, tokens with the new kid are accepted (the node fetched the keys
 * again) while a still-unexpired token of the deleted key is refused.
 */
@ExtendWith(ProviderApp.class)
class ProviderTokensIT {

    @Test
    void theRealmsTokensAreVerifiedAndTheirRolesMappedToTheDirectorysRoles(ProviderApp app) {
        assertEquals("practitioner", me(app, ProviderApp.PRACTITIONER_APP, "dr.rivera").getString("role"));
        assertEquals("admin", me(app, ProviderApp.PRACTITIONER_APP, "admin.park").getString("role"));
        assertEquals("client", me(app, ProviderApp.PORTAL, "alex.morgan").getString("role"));
        assertEquals("client", me(app, ProviderApp.PORTAL, "jordan.lee").getString("role"));
        assertEquals("operator", me(app, ProviderApp.PRACTITIONER_APP, "it.ops").getString("role"));
    }

    @Test
    void aTokenTheRealmIssuedForAnotherAudienceIsRefused(ProviderApp app) throws Exception {
        var other = app.token("care-reports", "dr.chen");
        assertEquals(List.of("care-reports"), SignedJWT.parse(other).getJWTClaimsSet().getAudience(), "a token of the same realm and user, for another API");
        var reply = app.call(other, "GET", "me", null);
        assertEquals(401, reply.statusCode());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("urn:care-messaging:problem:invalid-token", MicroNode.json(reply).getString("type"));
        assertTrue(rejections(app, "dr.chen").contains("wrong-audience"), "audited as wrong-audience: " + rejections(app, "dr.chen"));
        assertEquals(200, app.call(app.token(ProviderApp.PRACTITIONER_APP, "dr.chen"), "GET", "me", null).statusCode(),
                "the same user's token for this API is accepted");
    }

    @Test
    void afterAKeyRotationTheNewKidIsFetchedAndTheRemovedKeysTokensAreRefused(ProviderApp app) throws Exception {
        var keycloak = app.keycloak();
        var old = app.token(ProviderApp.PRACTITIONER_APP, "dr.rivera");
        var oldKid = SignedJWT.parse(old).getHeader().getKeyID();
        assertEquals(200, app.call(old, "GET", "me", null).statusCode());

        var newKid = keycloak.rotateSigningKey();
        assertNotEquals(oldKid, newKid);
        assertFalse(keycloak.signingKids().contains(oldKid), "the realm no longer publishes the old key");
        var fresh = app.token(ProviderApp.PRACTITIONER_APP, "dr.rivera");
        assertEquals(newKid, SignedJWT.parse(fresh).getHeader().getKeyID());

        // The node keeps the JWKS it fetched for at most 30 s (payara-mp-jwt.properties): wait until it takes the new kid.
        Keycloak.untilAccepted(() -> app.call(fresh, "GET", "me", null).statusCode(), Duration.ofSeconds(90));

        var expiresAt = SignedJWT.parse(old).getJWTClaimsSet().getExpirationTime().toInstant();
        var refused = app.call(old, "GET", "me", null);
        assertTrue(Instant.now().isBefore(expiresAt), "the old token has not expired: its key is all that changed");
        assertEquals(401, refused.statusCode());
        assertEquals("urn:care-messaging:problem:invalid-token", MicroNode.json(refused).getString("type"));
        assertTrue(rejections(app, "dr.rivera").contains("bad-signature"), "audited as a bad signature: " + rejections(app, "dr.rivera"));
    }

    static jakarta.json.JsonObject me(ProviderApp app, String client, String username) {
        var reply = app.call(app.token(client, username), "GET", "me", null);
        assertEquals(200, reply.statusCode(), username + ": " + reply.body());
        return MicroNode.json(reply);
    }

    /** The reasons of the token.rejected rows that name this (unverified) subject. */
    static List<String> rejections(ProviderApp app, String subject) throws Exception {
        try (var c = DriverManager.getConnection(app.database(), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var query = c.prepareStatement("SELECT reason FROM audit_event WHERE action = 'token.rejected' AND subject = ?")) {
            query.setString(1, subject);
            var reasons = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    reasons.add(rows.getString(1));
                }
            }
            return reasons;
        }
    }
}
