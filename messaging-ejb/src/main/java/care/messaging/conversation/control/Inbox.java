package care.messaging.conversation.control;

import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.ConversationSummary.Counterpart;
import care.messaging.conversation.entity.Page;
import care.messaging.directory.entity.Account;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The caller's conversations, most recent activity first, with derived unread counts. A practitioner
 * sees their own threads; a portal account sees the threads of every client it acts for.
 */
@Dependent
public class Inbox {

    static final String SELECT = """
            SELECT c.id, c.last_activity_at, c.last_preview, c.last_seq,
                   cl.id, cl.display_name, p.id, p.display_name,
                   (SELECT string_agg(g.display_name, ', ' ORDER BY g.display_name)
                      FROM client_account ca JOIN account g ON g.id = ca.account_id
                     WHERE ca.client_id = cl.id AND ca.relationship = 'guardian') AS guardians,
                   (SELECT ca.relationship FROM client_account ca
                     WHERE ca.client_id = cl.id AND ca.account_id = ?1) AS relationship,
                   (SELECT count(*) FROM message m
                     WHERE m.conversation_id = c.id AND m.from_client <> ?2
                       AND m.seq > coalesce((SELECT rm.seq FROM read_marker rm
                                              WHERE rm.conversation_id = c.id AND rm.account_id = ?1), 0)) AS unread
              FROM conversation c
              JOIN client cl ON cl.id = c.client_id
              JOIN account p ON p.id = c.practitioner_id
            """;
    static final String FOR_PRACTITIONER = " WHERE c.practitioner_id = ?1";
    // A discharged client's thread leaves their portal accounts' inbox at once; the practitioner keeps it.
    static final String FOR_CLIENT = " WHERE c.client_id IN (SELECT client_id FROM client_account WHERE account_id = ?1) AND cl.enabled";
    static final String AFTER_CURSOR = " AND (c.last_activity_at, c.id) < (?3, ?4)";
    static final String ORDER = " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?5";

    @PersistenceContext
    EntityManager em;

    public Page<ConversationSummary> page(Account me, String cursor, int limit) {
        var after = InboxCursor.parse(cursor);
        var sql = SELECT + (me.role().isClientSide() ? FOR_CLIENT : FOR_PRACTITIONER)
                + (after == null ? "" : AFTER_CURSOR) + ORDER;
        var query = em.createNativeQuery(sql)
                .setParameter(1, me.id())
                .setParameter(2, me.role().isClientSide())
                .setParameter(5, limit + 1);
        if (after != null) {
            query.setParameter(3, after.lastActivityAt()).setParameter(4, after.id());
        }
        List<ConversationSummary> rows = ((List<?>) query.getResultList()).stream()
                .map(Object[].class::cast).map(r -> summary(r, me)).toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        var last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), InboxCursor.of(last.lastActivityAt(), last.id()));
    }

    public ConversationSummary one(Account me, UUID conversationId) {
        var row = (Object[]) em.createNativeQuery(SELECT + " WHERE c.id = ?3")
                .setParameter(1, me.id())
                .setParameter(2, me.role().isClientSide())
                .setParameter(3, conversationId)
                .getSingleResult();
        return summary(row, me);
    }

    static ConversationSummary summary(Object[] r, Account me) {
        return new ConversationSummary((UUID) r[0], counterpart(r, me.role().isClientSide()), (String) r[2],
                Rows.time(r[1]), Rows.number(r[3]), Rows.number(r[10]));
    }

    static Counterpart counterpart(Object[] r, boolean clientSide) {
        var clientName = (String) r[5];
        if (clientSide) {
            var note = "guardian".equals(r[9]) ? "About " + clientName + " (you are their guardian)" : null;
            return new Counterpart((UUID) r[6], (String) r[7], note);
        }
        var guardians = (String) r[8];
        return new Counterpart((UUID) r[4], clientName, guardians == null ? null : guardians + ", guardian of " + clientName);
    }
}
