package care.messaging.audit.control;

import care.messaging.audit.entity.AuditEvent;
import care.messaging.platform.control.AuditKey;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Appends events to their chain in the caller's transaction. The chain's head row stays locked until
 * that transaction ends, so appends to one chain take turns and each gets the next number and links to
 * the hash before it; appends to different practices never wait for each other.
 * <p>
 * A row that someone put into the table past the head would take the next number and make every later
 * append of that practice fail. So the next number also skips any row the table already has: the
 * practice keeps working, and the foreign row stays where verification reports it.
 */
@Dependent
public class AuditLog {

    static final String LOCK_HEAD = """
            SELECT h.last_no, h.last_hash, (SELECT max(e.no) FROM audit_event e WHERE e.chain = h.chain)
              FROM audit_head h WHERE h.chain = CAST(?1 AS uuid) FOR UPDATE OF h""";
    static final String NEW_HEAD = """
            INSERT INTO audit_head (chain, last_no, last_hash) VALUES (CAST(?1 AS uuid), 0, ?2)
            ON CONFLICT (chain) DO NOTHING""";
    /** The row and the head's move in one round trip: both or neither, as before, since they share the transaction. */
    static final String INSERT = """
            WITH appended AS (
                INSERT INTO audit_event (chain, no, at, practice_id, actor_id, actor_role, subject, action,
                                         attempted_action, outcome, reason, conversation_id, message_id, client_id,
                                         subject_account_id, source_address, request_id, prev_hash, hash)
                VALUES (CAST(?1 AS uuid), ?2, ?3, CAST(?4 AS uuid), CAST(?5 AS uuid), CAST(?6 AS text), CAST(?7 AS text),
                        ?8, CAST(?9 AS text), ?10, CAST(?11 AS text), CAST(?12 AS uuid), CAST(?13 AS uuid),
                        CAST(?14 AS uuid), CAST(?15 AS uuid), CAST(?16 AS text), CAST(?17 AS text), ?18, ?19)
                RETURNING chain, no, hash)
            UPDATE audit_head h SET last_no = a.no, last_hash = a.hash FROM appended a WHERE h.chain = a.chain""";

    @PersistenceContext
    EntityManager em;
    @Inject
    @AuditKey
    Provider<SecretKey> key;

    /** Numbers, links, seals and stores the event; answers it as stored. */
    public AuditEvent append(AuditEvent event) {
        var chain = event.chain();
        var head = lockHead(chain);
        var next = Math.max(((Number) head[0]).longValue(), head[2] == null ? 0 : ((Number) head[2]).longValue()) + 1;
        var sealed = event.link(next, (byte[]) head[1]).seal(key.get());
        var targets = sealed.targets();
        em.createNativeQuery(INSERT)
                .setParameter(1, chain).setParameter(2, sealed.no()).setParameter(3, sealed.at())
                .setParameter(4, sealed.practiceId()).setParameter(5, sealed.actor().accountId())
                .setParameter(6, sealed.actor().role()).setParameter(7, sealed.actor().subject())
                .setParameter(8, sealed.action()).setParameter(9, sealed.attemptedAction())
                .setParameter(10, sealed.outcome()).setParameter(11, sealed.reason())
                .setParameter(12, targets.conversationId()).setParameter(13, targets.messageId())
                .setParameter(14, targets.clientId()).setParameter(15, targets.accountId())
                .setParameter(16, sealed.origin().sourceAddress()).setParameter(17, sealed.origin().requestId())
                .setParameter(18, sealed.prevHash()).setParameter(19, sealed.hash())
                .executeUpdate();
        return sealed;
    }

    /** The chain's head, locked; a chain's first append creates it (concurrent first appends agree). */
    Object[] lockHead(UUID chain) {
        var head = lock(chain);
        if (head.isEmpty()) {
            em.createNativeQuery(NEW_HEAD).setParameter(1, chain).setParameter(2, AuditEvent.GENESIS).executeUpdate();
            head = lock(chain);
        }
        return (Object[]) head.get(0);
    }

    List<?> lock(UUID chain) {
        return em.createNativeQuery(LOCK_HEAD).setParameter(1, chain).getResultList();
    }
}
