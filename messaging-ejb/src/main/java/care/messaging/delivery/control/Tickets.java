package care.messaging.delivery.control;

import care.messaging.delivery.entity.Admission;
import care.messaging.delivery.entity.Ticket;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One-time WebSocket tickets. A ticket lives 30 seconds (less if its token expires sooner), is stored as
 * its SHA-256 only, and is redeemed by deleting its row: one statement, so two nodes handed the same
 * ticket at once cannot both let it in.
 */
@Dependent
public class Tickets {

    static final Duration LIFETIME = Duration.ofSeconds(30);
    /** 32 random bytes in base64url without padding. */
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final String INSERT = """
            INSERT INTO realtime_ticket (hash, account_id, token_expires_at, expires_at) VALUES (?1, ?2, ?3, ?4)""";
    static final String REDEEM = """
            DELETE FROM realtime_ticket WHERE hash = ?1 AND expires_at > ?2 RETURNING account_id, token_expires_at""";
    static final String PURGE = "DELETE FROM realtime_ticket WHERE expires_at <= ?1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    public Ticket issue(UUID account, OffsetDateTime tokenExpiresAt, OffsetDateTime now) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var lifetimeEnds = now.plus(LIFETIME);
        var expiresAt = tokenExpiresAt.isBefore(lifetimeEnds) ? tokenExpiresAt : lifetimeEnds;
        em.createNativeQuery(INSERT)
                .setParameter(1, hash(ticket))
                .setParameter(2, account)
                .setParameter(3, tokenExpiresAt)
                .setParameter(4, expiresAt)
                .executeUpdate();
        return new Ticket(ticket, expiresAt);
    }

    /** Whom the ticket lets in, using it up; empty when it is malformed, unknown, used or expired. */
    public Optional<Admission> redeem(String ticket, OffsetDateTime now) {
        if (ticket == null || !FORMAT.matcher(ticket).matches()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery(REDEEM).setParameter(1, hash(ticket)).setParameter(2, now).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(r -> new Admission((UUID) r[0], Rows.time(r[1])));
    }

    /** Forgets expired tickets; any node may run it, as often as it likes. */
    public int purge(OffsetDateTime now) {
        return em.createNativeQuery(PURGE).setParameter(1, now).executeUpdate();
    }

    static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
