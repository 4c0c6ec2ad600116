package care.messaging.dev.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints the tokens of the dev login with the embedded default's own key pair, shaped like those of a
 * hospital's identity provider (RS256; iss, aud, sub, upn, groups), so the rest of the app cannot tell
 * the difference. Lives only as long as {@code messaging.dev.login=true}.
 */
@ApplicationScoped
public class DevTokens {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    @Inject
    @ConfigProperty(name = "messaging.dev.jwt.private-key.location")
    Optional<String> keyLocation;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;
    @Inject
    Clock clock;

    private PrivateKey key;

    public String mint(String subject, String role) {
        var now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(subject)
                .claim("upn", subject).claim("groups", List.of(role))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a dev token", e);
        }
    }

    synchronized PrivateKey key() {
        if (key == null) {
            key = readPkcs8(keyLocation.orElseThrow(
                    () -> new IllegalStateException("messaging.dev.jwt.private-key.location is not set")));
        }
        return key;
    }

    static PrivateKey readPkcs8(String location) {
        try {
            var path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            var base64 = Files.readString(path).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("messaging.dev.jwt.private-key.location does not name a PKCS#8 RSA key", e);
        }
    }
}
