package care.messaging.delivery.control;

import care.messaging.delivery.entity.PendingEvent;
import care.messaging.delivery.entity.Event;
import care.messaging.platform.control.JsonObjects;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Who is online: activity within the last five minutes. Activity is written at most once a minute per
 * account, and the row also keeps what the counterparts were last told, so each change is reported once
 * whichever node sees the activity or runs the sweep: the row lock decides.
 */
@Dependent
public class PresenceLog {

    public static final Duration ONLINE = Duration.ofMinutes(5);
    static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    static final String ENSURE = """
            INSERT INTO presence (account_id, last_seen_at, online) VALUES (?1, ?2, false)
            ON CONFLICT (account_id) DO NOTHING""";
    // The locked sub-select hands back the row as it was, which RETURNING alone cannot.
    static final String SEEN = """
            UPDATE presence p SET last_seen_at = ?2, online = true
              FROM (SELECT account_id, online, last_seen_at FROM presence WHERE account_id = ?1 FOR UPDATE) old
             WHERE p.account_id = old.account_id AND (NOT old.online OR old.last_seen_at < ?3)
            RETURNING old.online""";
    static final String WENT_OFFLINE = """
            UPDATE presence SET online = false
             WHERE account_id IN (SELECT account_id FROM presence WHERE online AND last_seen_at <= ?1
                                   ORDER BY account_id LIMIT ?2 FOR UPDATE SKIP LOCKED)
            RETURNING account_id""";
    // Whoever shares a conversation with the account, by conversation, and how that reader's counterpart now
    // stands: for a practitioner's clients it is the practitioner; for the practitioner it is the client,
    // online while any of its portal accounts (self, guardians) is; for a colleague, the other practitioner.
    static final String COUNTERPARTS = """
            SELECT c.id, ca.account_id, CAST(?3 AS boolean)
              FROM conversation c
              JOIN client cl ON cl.id = c.client_id AND cl.enabled
              JOIN client_account ca ON ca.client_id = c.client_id
             WHERE c.practitioner_id = ?1
            UNION ALL
            SELECT c.id, c.practitioner_id,
                   EXISTS (SELECT 1 FROM client_account o JOIN presence p ON p.account_id = o.account_id
                            WHERE o.client_id = c.client_id AND p.last_seen_at > ?2)
              FROM conversation c
              JOIN client_account ca ON ca.client_id = c.client_id
             WHERE ca.account_id = ?1
            UNION ALL
            SELECT c.id, CASE WHEN c.practitioner_id = ?1 THEN c.colleague_id ELSE c.practitioner_id END, CAST(?3 AS boolean)
              FROM conversation c
             WHERE c.kind = 'colleague' AND (c.practitioner_id = ?1 OR c.colleague_id = ?1)""";

    @PersistenceContext
    EntityManager em;

    /** Notes activity (unless written in the last minute); true when the account had been reported offline. */
    public boolean seen(UUID account, OffsetDateTime now) {
        em.createNativeQuery(ENSURE).setParameter(1, account).setParameter(2, now).executeUpdate();
        List<?> before = em.createNativeQuery(SEEN)
                .setParameter(1, account).setParameter(2, now).setParameter(3, now.minus(WRITE_EVERY))
                .getResultList();
        return !before.isEmpty() && !Boolean.TRUE.equals(before.get(0));
    }

    /** Claims up to {@code limit} accounts reported online whose activity is older than five minutes. */
    public List<UUID> wentOffline(OffsetDateTime now, int limit) {
        List<?> rows = em.createNativeQuery(WENT_OFFLINE).setParameter(1, now.minus(ONLINE)).setParameter(2, limit)
                .getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    /** Adds a presence event for everyone who shares a conversation with the account. */
    public void tell(EventLog.Batch batch, UUID account, boolean online, OffsetDateTime now) {
        List<?> rows = em.createNativeQuery(COUNTERPARTS)
                .setParameter(1, account).setParameter(2, now.minus(ONLINE)).setParameter(3, online)
                .getResultList();
        for (var row : rows) {
            var r = (Object[]) row;
            var facts = JsonObjects.builder()
                    .add("accountId", account.toString())
                    .add("online", online)
                    .add("counterpartOnline", (Boolean) r[2])
                    .build();
            batch.add((UUID) r[1], new PendingEvent(Event.PRESENCE, (UUID) r[0], null, null, facts));
        }
    }
}
