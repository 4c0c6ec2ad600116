package care.messaging.conversation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Serializes the sends of one (sender, clientMessageId) for the rest of the transaction with a
 * PostgreSQL transaction-level advisory lock, on every node alike. Two different keys may share a lock
 * number; that only makes them wait for each other, never wrong.
 */
@Dependent
public class SendLocks {

    @PersistenceContext
    EntityManager em;

    public void lock(UUID sender, UUID clientMessageId) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, key(sender, clientMessageId))
                .getSingleResult();
    }

    static long key(UUID sender, UUID clientMessageId) {
        return 31 * (sender.getMostSignificantBits() ^ sender.getLeastSignificantBits())
                + (clientMessageId.getMostSignificantBits() ^ clientMessageId.getLeastSignificantBits());
    }
}
