package care.messaging.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Stands in for the hospital's identity provider: an RSA key pair of its own, whose public half the
 * domain is configured with, and RS256 tokens shaped like an OIDC provider's MP-JWT tokens.
 */
final class IdentityProvider {

    static final String ISSUER = "https://idp.system-tests.invalid/care-messaging";
    static final String AUDIENCE = "care-messaging-system-tests";
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final RSAKey key;
    private final Path publicKeyPem;
    private RSAKey stranger;

    private IdentityProvider(RSAKey key, Path publicKeyPem) {
        this.key = key;
        this.publicKeyPem = publicKeyPem;
    }

    /** Generates the key pair and writes the public key where the domain will read it. */
    static IdentityProvider create(Path directory) {
        try {
            var key = generate();
            var pem = directory.resolve("idp-public-key.pem");
            var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            return new IdentityProvider(key, pem);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What mp.jwt.verify.publickey.location must say: a URL, never a bare path. */
    String publicKeyLocation() {
        return publicKeyPem.toUri().toString();
    }

    String token(DemoPeople person) {
        return token(person.username, person.role);
    }

    String token(String subject, String role) {
        var now = Instant.now();
        return sign(key, subject, List.of(role), now, now.plus(LIFETIME));
    }

    /** Valid in every way but carrying no {@code groups} claim, so no role. */
    String tokenWithoutGroups(DemoPeople person) {
        var now = Instant.now();
        return sign(key, person.username, null, now, now.plus(LIFETIME));
    }

    /** Expired well beyond the app's clock skew allowance. */
    String expiredToken(DemoPeople person) {
        var issued = Instant.now().minus(LIFETIME).minus(Duration.ofMinutes(10));
        return sign(key, person.username, List.of(person.role), issued, issued.plus(LIFETIME));
    }

    /** Well formed and valid in every claim, but signed by a key the domain does not trust. */
    synchronized String tokenSignedByAnotherKey(DemoPeople person) {
        if (stranger == null) {
            stranger = generate();
        }
        var now = Instant.now();
        return sign(stranger, person.username, List.of(person.role), now, now.plus(LIFETIME));
    }

    private static String sign(RSAKey signingKey, String subject, List<String> groups, Instant issued, Instant expires) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("upn", subject).claim("groups", groups)
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
