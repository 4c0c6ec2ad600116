package care.messaging.testing;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** What the boundary stored, read straight from the tables, for tests that must count rows themselves. */
@Stateless
public class StoredRows {

    @PersistenceContext
    EntityManager em;

    public long messagesWithClientMessageId(UUID clientMessageId) {
        return count("SELECT count(*) FROM message WHERE client_message_id = ?1", clientMessageId);
    }

    public long conversationsWithClient(String clientId) {
        return count("SELECT count(*) FROM conversation WHERE client_id = ?1", UUID.fromString(clientId));
    }

    public long lastSeq(String conversationId) {
        return count("SELECT last_seq FROM conversation WHERE id = ?1", UUID.fromString(conversationId));
    }

    long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
