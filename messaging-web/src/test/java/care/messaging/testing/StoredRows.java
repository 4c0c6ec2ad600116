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

    /** Audit rows that record one action (e.g. emergency.read) about a conversation; a denial is access.denied. */
    public long audited(String action, String conversationId) {
        return count("SELECT count(*) FROM audit_event WHERE action = ?1 AND conversation_id = ?2", action, UUID.fromString(conversationId));
    }

    public long emergencyGrants(String conversationId) {
        return count("SELECT count(*) FROM emergency_access WHERE conversation_id = ?1", UUID.fromString(conversationId));
    }

    long count(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
