package care.messaging.testing;

import care.messaging.crypto.control.BlindIndex;
import care.messaging.search.control.SearchIndex;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** The search index's rows, for tests that forget, tamper with or count them in a transaction of their own. */
@Stateless
public class SearchRows {

    @PersistenceContext
    EntityManager em;
    @Inject
    SearchIndex index;
    @Inject
    BlindIndex blindIndex;

    /** What deleting a message does to the index. */
    public void forget(UUID messageId) {
        index.forget(messageId);
    }

    /** As if the message had been stored before search existed: nothing of it in the index. */
    public void unindex(UUID messageId) {
        em.createNativeQuery("DELETE FROM search_term WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
        em.createNativeQuery("DELETE FROM search_indexed WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
    }

    /** As if the message had been indexed under an index key that was replaced since. */
    public void markIndexedUnderAnotherKey(UUID messageId) {
        em.createNativeQuery("UPDATE search_indexed SET key_check = ?2 WHERE message_id = ?1")
                .setParameter(1, messageId).setParameter(2, new byte[8]).executeUpdate();
    }

    /** A term row the message's text does not justify, as a hash collision would make one. */
    public void addCollision(UUID messageId, String term) {
        em.createNativeQuery("""
                        INSERT INTO search_term (term, sent_at, message_id, conversation_id)
                        SELECT ?1, m.sent_at, m.id, m.conversation_id FROM message m WHERE m.id = ?2""")
                .setParameter(1, blindIndex.hash(practiceOf(messageId), term))
                .setParameter(2, messageId)
                .executeUpdate();
    }

    public boolean indexedUnderAnotherKey(UUID messageId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM search_indexed WHERE message_id = ?1 AND key_check = ?2")
                .setParameter(1, messageId).setParameter(2, new byte[8]).getSingleResult()).longValue() > 0;
    }

    public long terms(UUID messageId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM search_term WHERE message_id = ?1")
                .setParameter(1, messageId).getSingleResult()).longValue();
    }

    UUID practiceOf(UUID messageId) {
        return (UUID) em.createNativeQuery("SELECT c.practice_id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE m.id = ?1")
                .setParameter(1, messageId).getSingleResult();
    }
}
