package care.messaging.testing;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** The audit trail's rows as stored, read straight from the table, for tests of who a row names. */
@Stateless
public class StoredAuditRows {

    /** The columns that say who did what in which chain, and what it was about. */
    public record Row(UUID chain, UUID practiceId, UUID actorId, String actorRole, String subject, String action,
                      String attemptedAction, String outcome, String reason, UUID conversationId, UUID accountId) {
    }

    static final String COLUMNS = """
            SELECT chain, practice_id, actor_id, actor_role, subject, action, attempted_action, outcome, reason,
                   conversation_id, subject_account_id
              FROM audit_event""";

    @PersistenceContext
    EntityManager em;

    /** Every row naming the account as its actor, in the order written. */
    public List<Row> ofActor(UUID accountId) {
        return rows(COLUMNS + " WHERE actor_id = ?1 ORDER BY at, no", accountId);
    }

    /** Every row of a caller whose token's subject named no account. */
    public List<Row> ofClaimedSubject(String subject) {
        return rows(COLUMNS + " WHERE subject = ?1 ORDER BY at, no", subject);
    }

    List<Row> rows(String sql, Object parameter) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Row((UUID) r[0], (UUID) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (UUID) r[9], (UUID) r[10])).toList();
    }
}
