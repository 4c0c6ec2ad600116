package care.messaging.conversation.control;

import care.messaging.platform.control.Rows;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.ConversationSummary.Counterpart;
import care.messaging.conversation.entity.Folder;
import care.messaging.conversation.entity.Page;
import care.messaging.conversation.entity.PracticeConversation;
import care.messaging.conversation.entity.PracticeConversation.Party;
import care.messaging.conversation.entity.Sending;
import care.messaging.delivery.control.PresenceLog;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Guardians;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The caller's conversations, most recent activity first, with derived unread counts. A practitioner
 * sees their own threads, with clients and with colleagues (the counterpart is then the other practitioner); a portal account sees the threads of every client it acts for. Each caller has
 * their own inbox and archive (conversation_state); deleted messages are not unread.
 */
@Dependent
public class Inbox {

    static final String COLUMNS = """
            SELECT c.id, c.last_activity_at, c.preview, c.last_seq,
                   cl.id, cl.display_name, p.id, coalesce(p.messaging_name, p.display_name),
                   (SELECT string_agg(g.display_name, chr(31) ORDER BY g.display_name)
                      FROM client_account ca JOIN account g ON g.id = ca.account_id
                     WHERE ca.client_id = cl.id AND ca.relationship = 'guardian') AS guardians,
                   (SELECT ca.relationship FROM client_account ca
                     WHERE ca.client_id = cl.id AND ca.account_id = ?1) AS relationship,
                   """ + UnreadCount.messages("c.id", "?2 OR c.colleague_id IS NOT DISTINCT FROM ?1", "?1") + """
 AS unread,
                   (SELECT max(e.granted_at) FROM emergency_access e WHERE e.conversation_id = c.id) AS emergency,
                   CASE WHEN ?2 OR c.colleague_id IS NOT NULL THEN EXISTS (SELECT 1 FROM presence pr WHERE pr.account_id = p.id AND pr.last_seen_at > ?6)
                        ELSE EXISTS (SELECT 1 FROM client_account ca JOIN presence pr ON pr.account_id = ca.account_id
                                      WHERE ca.client_id = cl.id AND pr.last_seen_at > ?6) END AS online,
            """ + SendingRules.COLUMNS + """
,
                   s.archived_at IS NOT NULL, coalesce(s.marked_unread, false), s.draft IS NOT NULL,
                   EXISTS (SELECT 1 FROM message lm WHERE lm.conversation_id = c.id AND lm.seq = c.last_seq
                                                     AND lm.deleted_at IS NOT NULL) AS last_deleted,
                   c.kind
            """;
    static final String JOINS = """
              LEFT JOIN client cl ON cl.id = c.client_id
              JOIN account p ON p.id = CASE WHEN c.practitioner_id = ?1 THEN coalesce(c.colleague_id, c.practitioner_id)
                                            ELSE c.practitioner_id END
              JOIN practice prac ON prac.id = c.practice_id
              LEFT JOIN conversation_state s ON s.conversation_id = c.id AND s.account_id = ?1
            """;
    static final String SELECT = COLUMNS + " FROM conversation c" + JOINS;
    // A discharged client's thread leaves their portal accounts' inbox at once; the practitioner keeps it.
    static final String FOR_CLIENT = " WHERE c.client_id IN (SELECT client_id FROM client_account WHERE account_id = ?1) AND cl.enabled";
    static final String IN_INBOX = " AND s.archived_at IS NULL";
    static final String IN_ARCHIVE = " AND s.archived_at IS NOT NULL";
    static final String AFTER_CURSOR = " AND (c.last_activity_at, c.id) < (?3, ?4)";
    static final String ORDER = " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?5";
    // One side's conversations in one folder. The folder is a NOT EXISTS / EXISTS on the caller's archived
    // state, not the outer join's filter: PostgreSQL then estimates it passes most rows and reads the
    // activity index in order, stopping after a page (a filter on the outer-joined row made it sort them all).
    static final String BRANCH = """
            (SELECT c.* FROM conversation c
              WHERE c.%s = ?1
                AND %s EXISTS (SELECT 1 FROM conversation_state a
                                WHERE a.conversation_id = c.id AND a.account_id = ?1 AND a.archived_at IS NOT NULL)""";

    /**
     * A practitioner's page of one folder. Their conversations are those they started with clients or
     * colleagues (practitioner_id) and those a colleague started with them (colleague_id): one OR over the
     * two columns would make PostgreSQL gather and sort all of them, so each column gets its own ordered,
     * limited index scan (the folder and the cursor applied in both) and the two short lists are merged.
     * Public for the benchmark (bin/bench search, B5), which runs this very SQL raw as its divisor.
     */
    public static String practitionerPage(Folder folder, boolean afterCursor) {
        var archived = folder == Folder.ARCHIVE ? "" : "NOT";
        var rest = (afterCursor ? AFTER_CURSOR : "") + ORDER + ")";
        return COLUMNS + " FROM (" + BRANCH.formatted("practitioner_id", archived) + rest
                + " UNION ALL " + BRANCH.formatted("colleague_id", archived) + rest + ") c" + JOINS + ORDER;
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Bodies bodies;
    @Inject
    Clock clock;

    /** One folder's conversations; the cursor is a position in the activity order, so it works in either folder. */
    public Page<ConversationSummary> page(Account me, Folder folder, String cursor, int limit) {
        var after = InboxCursor.parse(cursor);
        var sql = me.role().isClientSide()
                ? SELECT + FOR_CLIENT + (folder == Folder.ARCHIVE ? IN_ARCHIVE : IN_INBOX) + (after == null ? "" : AFTER_CURSOR) + ORDER
                : practitionerPage(folder, after != null);
        var query = em.createNativeQuery(sql)
                .setParameter(1, me.id())
                .setParameter(2, me.role().isClientSide())
                .setParameter(5, limit + 1)
                .setParameter(6, onlineSince());
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

    static final String PRACTICE = """
            SELECT c.id, c.kind, p.id, p.display_name, cl.id, cl.display_name, o.id, o.display_name, c.last_activity_at
              FROM conversation c
              JOIN account p ON p.id = c.practitioner_id
              LEFT JOIN client cl ON cl.id = c.client_id
              LEFT JOIN account o ON o.id = c.colleague_id
             WHERE c.practice_id = ?1 AND (?2 = '' OR c.client_id = CAST(NULLIF(?2, '') AS uuid))
             ORDER BY c.last_activity_at DESC, c.id DESC
             LIMIT 500""";

    /**
     * A practice's conversations for its admin, with clients and between colleagues, or those of one client:
     * names and times, no content.
     */
    public List<PracticeConversation> practice(Account admin, String clientId) {
        List<?> rows = em.createNativeQuery(PRACTICE)
                .setParameter(1, admin.practiceId())
                .setParameter(2, clientId == null ? "" : ConversationStarts.parse(clientId).toString())
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new PracticeConversation((UUID) r[0], (String) r[1],
                party(r, 2), party(r, 4), party(r, 6), Rows.time(r[8]))).toList();
    }

    static Party party(Object[] row, int at) {
        return row[at] == null ? null : new Party((UUID) row[at], (String) row[at + 1]);
    }

    public ConversationSummary one(Account me, UUID conversationId) {
        var row = (Object[]) em.createNativeQuery(SELECT + " WHERE c.id = ?3")
                .setParameter(1, me.id())
                .setParameter(2, me.role().isClientSide())
                .setParameter(3, conversationId)
                .setParameter(6, onlineSince())
                .getSingleResult();
        return summary(row, me);
    }

    ConversationSummary summary(Object[] r, Account me) {
        var id = (UUID) r[0];
        var clientSide = me.role().isClientSide();
        var markedUnread = Boolean.TRUE.equals(r[19]);
        var colleague = ConversationSummary.COLLEAGUE.equals(r[22]);
        var online = Boolean.TRUE.equals(r[12]);
        var facts = SendingRules.facts(r, 13);
        return new ConversationSummary(id,
                colleague ? new Counterpart((UUID) r[6], (String) r[7], null, online) : counterpart(r, clientSide, online),
                bodies.preview(id, (byte[]) r[2]).orElse(null),
                Rows.time(r[1]), Rows.number(r[3]), UnreadCount.shown(Rows.number(r[10]), markedUnread),
                clientSide ? null : Rows.time(r[11]),
                colleague ? Sending.colleague(facts.practiceMessaging()) : Sending.of(facts, clientSide),
                Boolean.TRUE.equals(r[18]), markedUnread, Boolean.TRUE.equals(r[20]), Boolean.TRUE.equals(r[21]),
                colleague ? ConversationSummary.COLLEAGUE : ConversationSummary.CLIENT);
    }


    static Counterpart counterpart(Object[] r, boolean clientSide, boolean online) {
        var clientName = (String) r[5];
        if (clientSide) {
            var note = "guardian".equals(r[9]) ? "About " + clientName + " (you are their guardian)" : null;
            return new Counterpart((UUID) r[6], (String) r[7], note, online);
        }
        var guardians = (String) r[8];
        return new Counterpart((UUID) r[4], clientName,
                Guardians.note(guardians, clientName), online);
    }

    /** Activity after this instant counts as online. */
    OffsetDateTime onlineSince() {
        return OffsetDateTime.now(clock).minus(PresenceLog.ONLINE);
    }
}
