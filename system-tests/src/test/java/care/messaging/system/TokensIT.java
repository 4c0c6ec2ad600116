package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.CASEY;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every token that is not a valid one of the identity provider's, for an account that exists, is refused
 * with 401 problem+json. Payara's MP-JWT refuses most of them before the app runs ({@code invalid-token},
 * from the error page); the app refuses the rest: a token not valid yet ({@code nbf}, which Payara does
 * not check), a missing role, an unknown subject. The clock skew allowed is 60 s on both sides.
 */
@ExtendWith(PayaraServer.class)
class TokensIT {

    final Api api;
    final SeededPeople people;
    final IdentityProvider idp;

    TokensIT(Api api, SeededPeople people) {
        this.api = api;
        this.people = people;
        this.idp = api.identityProvider();
    }

    @Test
    void requestWithoutTokenIsRefused() {
        assertRefused("not-authenticated", null);
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        assertRefused("invalid-token", idp.tokenSignedByAnotherKey(ALEX));
    }

    @Test
    void unsignedTokenWithAlgNoneIsRefused() {
        assertRefused("invalid-token", idp.unsignedToken(ALEX));
    }

    @ParameterizedTest(name = "as PEM text: {0}")
    @ValueSource(booleans = {true, false})
    void hs256TokenKeyedWithTheIdentityProvidersPublicKeyIsRefused(boolean pemText) {
        assertRefused("invalid-token", idp.hmacTokenKeyedWithThePublicKey(ALEX, pemText));
    }

    @Test
    void tokenExpiredLongAgoIsRefused() {
        assertRefused("invalid-token", idp.expiredToken(ALEX));
    }

    @Test
    void tokenExpiredBeyondTheClockSkewIsRefused() {
        assertRefused("invalid-token", expiringAt(Instant.now().minus(Duration.ofSeconds(150))));
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsStillAccepted() {
        assertAccepted(expiringAt(Instant.now().minus(Duration.ofSeconds(30))));
    }

    @Test
    void tokenNotValidYetBeyondTheClockSkewIsRefused() {
        var notBefore = Instant.now().plus(Duration.ofMinutes(5));
        assertRefused("invalid-token", idp.signed(idp.claims(ALEX).notBeforeTime(Date.from(notBefore)).build()));
    }

    @Test
    void tokenNotValidYetWithinTheClockSkewIsAccepted() {
        var notBefore = Instant.now().plus(Duration.ofSeconds(30));
        assertAccepted(idp.signed(idp.claims(ALEX).notBeforeTime(Date.from(notBefore)).build()));
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        assertRefused("invalid-token", idp.signed(idp.claims(ALEX).issuer("https://idp.elsewhere.invalid/").build()));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertRefused("invalid-token", idp.signed(idp.claims(ALEX).audience("another-application").build()));
    }

    @Test
    void tokenWithoutGroupsIsRefused() {
        assertRefused("no-role", idp.signed(idp.claims(RIVERA).claim("groups", null).build()));
    }

    @Test
    void tokenOfAnUnknownSubjectIsRefusedAndCreatesNoAccount() {
        var stranger = new SeededPeople.Person(null, "stranger-" + System.nanoTime(), "practitioner", "Nobody");

        assertRefused("unknown-account", idp.token(stranger));
        assertEquals(0, people.count("SELECT count(*) FROM account WHERE subject = ?", stranger.subject()));
    }

    @Test
    void tokenOfAnAccountThatNeverSignedUpIsRefused() {
        assertRefused("unknown-account", idp.token(CASEY));
    }

    /** A token of Alex Morgan's, issued well before it expires at the given time. */
    private String expiringAt(Instant expiry) {
        return idp.signed(idp.claims(ALEX)
                .issueTime(Date.from(expiry.minus(IdentityProvider.LIFETIME)))
                .expirationTime(Date.from(expiry))
                .build());
    }

    private void assertRefused(String type, String token) {
        var reply = api.call(token, "GET", "/me", null);
        assertProblem(401, type, reply);
        assertEquals("Bearer", reply.header("WWW-Authenticate"), reply::toString);
    }

    private void assertAccepted(String token) {
        var reply = api.call(token, "GET", "/me", null);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(ALEX.displayName, reply.json().getString("displayName"));
    }
}
