package care.messaging.delivery.boundary;

import care.messaging.platform.control.Rows;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/** One batch of event retention in a transaction of its own, so stream rows are locked only briefly. */
@Stateless
public class EventTrim {

    static final int BATCH = 5000;
    static final String TRIM = """
            WITH cut AS (
                DELETE FROM event WHERE (account_id, cursor) IN (
                    SELECT account_id, cursor FROM event WHERE created_at < ?1 LIMIT ?2 FOR UPDATE SKIP LOCKED)
                RETURNING account_id, cursor),
            streams AS (
                UPDATE event_stream s SET trimmed_through = greatest(s.trimmed_through, m.through)
                  FROM (SELECT account_id, max(cursor) AS through FROM cut GROUP BY account_id) m
                 WHERE s.account_id = m.account_id
                RETURNING 1)
            SELECT (SELECT count(*) FROM cut) + 0 * (SELECT count(*) FROM streams)""";

    @PersistenceContext
    EntityManager em;

    /** Deletes up to one batch of events older than the given time; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int batch(OffsetDateTime before) {
        return (int) Rows.number(em.createNativeQuery(TRIM).setParameter(1, before).setParameter(2, BATCH).getSingleResult());
    }
}
