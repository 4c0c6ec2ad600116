package care.messaging.audit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each way a token can fail the server's check is told apart, from the token alone and without trusting it. */
class TokenRejectionsTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final TokenRejections.Expectations EXPECTED = new TokenRejections.Expectations(
            "https://idp.test/care", Set.of("care-messaging", "other"), Duration.ofSeconds(60), "RS256");
    static com.nimbusds.jose.jwk.RSAKey key;

    @BeforeAll
    static void generateKey() throws Exception {
        key = new RSAKeyGenerator(2048).generate();
    }

    @Test
    void algNone() {
        assertEquals("alg-none", reason(new PlainJWT(claims(c -> c)).serialize()));
    }

    @Test
    void hs256SignedWithThePublicKeyIsTheWrongAlgorithm() throws Exception {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(c -> c));
        jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));

        assertEquals("wrong-algorithm", reason(jwt.serialize()));
    }

    @Test
    void expiredBeyondTheClockSkew() {
        assertEquals("expired", reason(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(61))))));
        assertEquals("bad-signature", reason(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(59))))));
    }

    @Test
    void notYetValid() {
        assertEquals("not-yet-valid", reason(rs256(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(120))))));
        assertEquals("not-yet-valid", reason(rs256(c -> c.issueTime(Date.from(NOW.plusSeconds(120))))));
    }

    @Test
    void wrongIssuerOrAudience() {
        assertEquals("wrong-issuer", reason(rs256(c -> c.issuer("https://elsewhere.test"))));
        assertEquals("wrong-audience", reason(rs256(c -> c.audience("someone-else"))));
        assertEquals("bad-signature", reason(rs256(c -> c.audience(List.of("someone-else", "other")))));
    }

    @Test
    void missingSubjectGroupsOrTimes() {
        assertEquals("no-subject", reason(rs256(c -> c.subject(null))));
        assertEquals("no-groups", reason(rs256(c -> c.claim("groups", null))));
        assertEquals("no-groups", reason(rs256(c -> c.claim("groups", List.of()))));
        assertEquals("missing-time", reason(rs256(c -> c.expirationTime(null))));
    }

    @Test
    void aTokenRightInEveryClaimFailedOnItsSignature() {
        var diagnosis = TokenRejections.diagnose(rs256(c -> c), EXPECTED, NOW);

        assertEquals("bad-signature", diagnosis.reason());
        assertEquals("dr.rivera", diagnosis.claimedSubject());
    }

    @Test
    void garbageIsMalformedAndClaimsNothing() {
        var diagnosis = TokenRejections.diagnose("not.a.token", EXPECTED, NOW);

        assertEquals("malformed", diagnosis.reason());
        assertNull(diagnosis.claimedSubject());
    }

    static String reason(String token) {
        return TokenRejections.diagnose(token, EXPECTED, NOW).reason();
    }

    static String rs256(UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(change));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                .issuer("https://idp.test/care").audience("care-messaging").subject("dr.rivera")
                .claim("groups", List.of("practitioner"))
                .issueTime(Date.from(NOW.minusSeconds(30))).expirationTime(Date.from(NOW.plusSeconds(600)))).build();
    }
}
