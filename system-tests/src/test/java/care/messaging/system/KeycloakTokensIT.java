package care.messaging.system;

import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Keycloak;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR on Payara Server configured for a real Keycloak as a hospital configures it (the realm's JWKS URL,
 * issuer, audience, {@code realm_access.roles} mapped onto the directory's roles): the realm's tokens are
 * verified and mapped to the directory's accounts and roles; a token the realm issued for another application
 * is refused; and after the realm rotates its signing key while someone is signed in, the domain fetches the
 * new kid and refuses the deleted key's still-unexpired token. The apps learn the realm and their client ids.
 */
@ExtendWith(KeycloakDomain.class)
class KeycloakTokensIT {

    /** The realm users' ids (care-realm.json) become the subjects of accounts seeded here. */
    private static SeededPeople.Person rivera;
    private static SeededPeople.Person park;
    private static SeededPeople.Person alex;
    private static SeededPeople.Person chen;

    final Api api;
    final KeycloakRealm realm;
    final Sql sql;

    KeycloakTokensIT(Api api, KeycloakRealm realm, Sql sql) {
        this.api = api;
        this.realm = realm;
        this.sql = sql;
    }

    @BeforeAll
    static void seedTheAccountsOfTheRealmsUsers(SeededPeople people) {
        var practice = people.practice();
        rivera = people.withSubject(people.practitioner(practice, "Dr. Sam Rivera"), "dr.rivera");
        chen = people.withSubject(people.practitioner(practice, "Dr. Mei Chen"), "dr.chen");
        park = people.withSubject(people.admin(practice, "Jamie Park"), "admin.park");
        alex = people.withSubject(people.portal(people.client(practice, "Alex Morgan", false), "self", "Alex Morgan"), "alex.morgan");
    }

    @Test
    void theRealmsTokensAreVerifiedAgainstItsJwksAndMappedToTheDirectorysAccountsAndRoles() {
        assertMe(rivera, realm.token(KeycloakRealm.PRACTITIONER_APP, "dr.rivera"));
        assertMe(park, realm.token(KeycloakRealm.PRACTITIONER_APP, "admin.park"));
        assertMe(alex, realm.token(KeycloakRealm.PORTAL, "alex.morgan"));
    }

    @Test
    void theAppsAreToldToSignInAtTheRealmWithTheirOwnClientsAndMayCallIt() {
        var settings = api.call(null, "GET", "/app/settings", null);
        assertEquals(200, settings.status(), settings::toString);
        var signIn = settings.json().getJsonObject("signIn");
        assertEquals(realm.issuer(), signIn.getString("issuer"), settings::toString);
        assertEquals(KeycloakRealm.PRACTITIONER_APP, signIn.getString("practitionerClientId"));
        assertEquals(KeycloakRealm.PORTAL, signIn.getString("portalClientId"));
        var realmOrigin = java.net.URI.create(realm.issuer()).resolve("/").toString().replaceAll("/$", "");
        for (var path : new String[] {"/messaging/", "/messaging/portal/"}) {
            var csp = api.server(path, "text/html").header("Content-Security-Policy");
            assertTrue(csp != null && csp.matches(".*connect-src [^;]*" + java.util.regex.Pattern.quote(realmOrigin) + ".*"),
                    path + " may call the realm: " + csp);
        }
    }

    @Test
    void aTokenTheRealmIssuedForAnotherApplicationIsRefused() throws ParseException {
        var other = realm.token(KeycloakRealm.OTHER_APPLICATION, "dr.chen");
        assertEquals(List.of("care-reports"), SignedJWT.parse(other).getJWTClaimsSet().getAudience(),
                "a token of the same realm and user, for another API");

        assertProblem(401, "invalid-token", api.call(other, "GET", "/me", null));
        assertTrue(rejections("dr.chen").contains("wrong-audience"), "audited as wrong-audience: " + rejections("dr.chen"));
        assertMe(chen, realm.token(KeycloakRealm.PRACTITIONER_APP, "dr.chen"));
    }

    @Test
    void afterTheRealmRotatesItsSigningKeyTheNewKidIsFetchedAndTheOldKeysTokensAreRefused() throws Exception {
        var signedIn = realm.token(KeycloakRealm.PRACTITIONER_APP, "dr.rivera");
        var oldKid = SignedJWT.parse(signedIn).getHeader().getKeyID();
        assertMe(rivera, signedIn);

        var newKid = realm.keycloak().rotateSigningKey();
        assertNotEquals(oldKid, newKid);
        assertFalse(realm.keycloak().signingKids().contains(oldKid), "the realm no longer publishes the old key");
        var fresh = realm.token(KeycloakRealm.PRACTITIONER_APP, "dr.rivera");
        assertEquals(newKid, SignedJWT.parse(fresh).getHeader().getKeyID());

        // The domain keeps the JWKS it fetched for at most 30 s (the WAR's payara-mp-jwt.properties): wait for the new kid.
        Keycloak.untilAccepted(() -> api.call(fresh, "GET", "/me", null).status(), Duration.ofSeconds(90));

        var refused = api.call(signedIn, "GET", "/me", null);
        assertTrue(Instant.now().isBefore(SignedJWT.parse(signedIn).getJWTClaimsSet().getExpirationTime().toInstant()),
                "the signed-in token has not expired: its key is all that changed");
        assertProblem(401, "invalid-token", refused);
    }

    private void assertMe(SeededPeople.Person person, String token) {
        var reply = api.call(token, "GET", "/me", null);
        assertEquals(200, reply.status(), reply::toString);
        var me = reply.json();
        assertEquals(person.id().toString(), me.getString("id"), reply::toString);
        assertEquals(person.role(), me.getString("role"), reply::toString);
        assertEquals(person.displayName(), me.getString("displayName"), reply::toString);
    }

    /** The reasons of the token.rejected rows that name this (unverified) subject. */
    private List<String> rejections(String subject) {
        return sql.query("SELECT reason FROM audit_event WHERE action = 'token.rejected' AND subject = ?", subject).stream()
                .map(row -> (String) row.get("reason")).toList();
    }
}
