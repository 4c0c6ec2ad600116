package care.messaging.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
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
 * domain is configured with, and RS256 tokens shaped like an OIDC provider's MP-JWT tokens. It also
 * forges the tokens an attacker would try, for the tests that prove they are refused.
 */
final class IdentityProvider implements TokenIssuer {

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

    @Override
    public String issuer() {
        return ISSUER;
    }

    @Override
    public String audience() {
        return AUDIENCE;
    }

    /** What mp.jwt.verify.publickey.location must say: a URL, never a bare path. */
    @Override
    public String publicKeyLocation() {
        return publicKeyPem.toUri().toString();
    }

    String token(Caller caller) {
        return signed(claims(caller).build());
    }

    /** A valid token for any subject and role, e.g. a person a test seeded itself. */
    String token(String subject, String role) {
        return token(new Caller() {
            public String subject() {
                return subject;
            }

            public String role() {
                return role;
            }
        });
    }

    /** Valid in every way but carrying no {@code groups} claim, so no role. */
    String tokenWithoutGroups(Caller caller) {
        return signed(claims(caller).claim("groups", null).build());
    }

    /** The claims of a valid token for the caller, issued now, to adjust before signing. */
    JWTClaimsSet.Builder claims(Caller caller) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(caller.subject())
                .claim("upn", caller.subject()).claim("groups", List.of(caller.role()))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signed with the key the domain trusts, whatever the claims say. */
    String signed(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** Expired well beyond the app's clock skew allowance. */
    String expiredToken(Caller caller) {
        var issued = Instant.now().minus(LIFETIME).minus(Duration.ofMinutes(10));
        return signed(claims(caller).issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(LIFETIME))).build());
    }

    /** Well formed and valid in every claim, but signed by a key the domain does not trust. */
    synchronized String tokenSignedByAnotherKey(Caller caller) {
        if (stranger == null) {
            stranger = generate();
        }
        return sign(stranger, claims(caller).build());
    }

    /** Valid claims and no signature at all: {@code "alg": "none"}. */
    String unsignedToken(Caller caller) {
        return new PlainJWT(claims(caller).build()).serialize();
    }

    /**
     * The key-confusion attack: HS256 with the identity provider's public key as the HMAC secret, as a
     * verifier that trusts the token's alg header would check it. As PEM text or as the DER bytes.
     */
    String hmacTokenKeyedWithThePublicKey(Caller caller, boolean pemText) {
        try {
            var secret = pemText ? Files.readAllBytes(publicKeyPem) : key.toRSAPublicKey().getEncoded();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims(caller).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
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
