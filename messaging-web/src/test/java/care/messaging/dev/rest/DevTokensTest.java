package care.messaging.dev.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path dir;

    @Test
    void mintsFifteenMinuteRs256TokensShapedLikeTheIdentityProviders() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var pem = dir.resolve("private.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        var now = Instant.parse("2026-11-21T10:00:00Z");
        var cut = new DevTokens();
        cut.keyLocation = Optional.of(pem.toUri().toString());
        cut.issuer = "https://issuer.test";
        cut.audience = "care-messaging";
        cut.clock = Clock.fixed(now, ZoneOffset.UTC);

        var jwt = SignedJWT.parse(cut.mint("dr.rivera", "practitioner"));

        assertTrue(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic())));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        var claims = jwt.getJWTClaimsSet();
        assertEquals("dr.rivera", claims.getSubject());
        assertEquals("https://issuer.test", claims.getIssuer());
        assertEquals(List.of("care-messaging"), claims.getAudience());
        assertEquals(List.of("practitioner"), claims.getStringListClaim("groups"));
        assertEquals(now.plus(Duration.ofMinutes(15)), claims.getExpirationTime().toInstant());
    }
}
