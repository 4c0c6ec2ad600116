package care.messaging.audit.rest;

import care.messaging.platform.control.SecurityLog;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.control.RejectionBudget;
import care.messaging.platform.control.RequestContext;
import care.messaging.platform.entity.ProblemType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import care.messaging.platform.rest.CredentialsRefused;
import jakarta.enterprise.event.Observes;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audits the bearer tokens that the server's MP-JWT check refuses before the application runs. The
 * server says only "401", so the reason is worked out here by reading the token without trusting it,
 * against the same settings the server checks with; when every claim is fine, the signature was what
 * failed. The token itself is never stored or logged. Under a flood each source gets a budget of rows
 * per reason and minute ({@link RejectionBudget}); the rest are counted into one row per minute.
 */
@ApplicationScoped
public class TokenRejections {

    private static final System.Logger LOGGER = System.getLogger(TokenRejections.class.getName());

    /** Why a token was refused, and the subject it claimed (unverified). */
    record Diagnosis(String reason, String claimedSubject) {
    }

    /** What the server checks tokens against. */
    record Expectations(String issuer, Set<String> audiences, Duration clockSkew, String algorithm) {
    }

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkew;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
    String algorithm;
    @Inject
    Clock clock;
    @Inject
    AuditTrail trail;
    @Inject
    RejectionBudget budget;
    @Inject
    RequestContext context;

    /** Records a refusal: the reason of a token the server did not accept, or not-authenticated without one. */
    void refused(@Observes CredentialsRefused refused) {
        if (refused.bearerToken() == null) {
            record(null, ProblemType.NOT_AUTHENTICATED.slug());
            return;
        }
        var diagnosis = diagnose(refused.bearerToken(), expectations(), clock.instant());
        record(diagnosis.claimedSubject(), diagnosis.reason());
    }

    void record(String claimedSubject, String reason) {
        if (!budget.admit(context.sourceAddress(), reason, clock.instant())) {
            return;
        }
        SecurityLog.LOGGER.log(System.Logger.Level.INFO, "Security: refused credentials ({0})", reason);
        try {
            trail.recordRejectedToken(claimedSubject, reason);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "Could not record a rejected token: " + e);
        }
    }

    Expectations expectations() {
        var expected = audiences.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .filter(a -> !a.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
        return new Expectations(issuer.orElse(null), expected, Duration.ofSeconds(clockSkew), algorithm);
    }

    static Diagnosis diagnose(String token, Expectations expected, Instant now) {
        JWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = JWTParser.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Diagnosis("malformed", null);
        }
        return new Diagnosis(reason(jwt, claims, expected, now), claims.getSubject());
    }

    static String reason(JWT jwt, JWTClaimsSet claims, Expectations expected, Instant now) {
        if (jwt instanceof PlainJWT) {
            return "alg-none";
        }
        if (!(jwt instanceof SignedJWT signed) || !signed.getHeader().getAlgorithm().equals(JWSAlgorithm.parse(expected.algorithm()))) {
            return "wrong-algorithm";
        }
        if (expected.issuer() != null && !expected.issuer().equals(claims.getIssuer())) {
            return "wrong-issuer";
        }
        if (!expected.audiences().isEmpty() && !anyOf(expected.audiences(), claims.getAudience())) {
            return "wrong-audience";
        }
        if (claims.getExpirationTime() == null || claims.getIssueTime() == null) {
            return "missing-time";
        }
        if (before(claims.getExpirationTime(), now.minus(expected.clockSkew()))) {
            return "expired";
        }
        if (after(claims.getNotBeforeTime(), now.plus(expected.clockSkew())) || after(claims.getIssueTime(), now.plus(expected.clockSkew()))) {
            return "not-yet-valid";
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            return "no-subject";
        }
        if (groups(claims).isEmpty()) {
            return "no-groups";
        }
        return "bad-signature";
    }

    static boolean anyOf(Set<String> expected, List<String> audience) {
        return audience != null && audience.stream().anyMatch(expected::contains);
    }

    static List<?> groups(JWTClaimsSet claims) {
        return claims.getClaim("groups") instanceof List<?> list ? list : List.of();
    }

    static boolean before(Date time, Instant limit) {
        return time.toInstant().isBefore(limit);
    }

    static boolean after(Date time, Instant limit) {
        return time != null && time.toInstant().isAfter(limit);
    }
}
