package care.messaging.conversation.control;

import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.directory.entity.Account;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Each participant's own state of a conversation: archived, marked unread (the draft is the
 * {@code draft} component's, except that a send clears it here, see {@link #SENT}).
 * Every change is one conditional statement that says whether it changed anything, so a repeated request
 * changes nothing and tells nobody, and concurrent ones agree.
 */
@Dependent
public class ParticipantStates {

    static final String ARCHIVE = """
            INSERT INTO conversation_state (id, conversation_id, account_id, archived_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (conversation_id, account_id) DO UPDATE SET archived_at = EXCLUDED.archived_at
            WHERE conversation_state.archived_at IS NULL""";
    static final String UNARCHIVE = """
            UPDATE conversation_state SET archived_at = NULL
             WHERE conversation_id = ?1 AND account_id = ?2 AND archived_at IS NOT NULL""";
    static final String MARK_UNREAD = """
            INSERT INTO conversation_state (id, conversation_id, account_id, marked_unread) VALUES (?1, ?2, ?3, true)
            ON CONFLICT (conversation_id, account_id) DO UPDATE SET marked_unread = true
            WHERE NOT conversation_state.marked_unread""";
    static final String CLEAR_UNREAD = """
            UPDATE conversation_state SET marked_unread = false
             WHERE conversation_id = ?1 AND account_id = ?2 AND marked_unread""";

    /**
     * A send: the sender's conversation is back in their inbox, no longer marked unread (they have it open)
     * and without a draft (it was just sent); for the other side's participants it is back in the inbox.
     * The side is the second one (?3, as message.from_client) for portal accounts, or for the colleague_id
     * practitioner of a colleague conversation.
     * The FROM row is the row before the update, so RETURNING can say whether the sender had a draft.
     * An announcement or an automatic reply (?4 false) was not written in the thread: the sender's own state stays as it was
     * (their draft for this client, their archive, their unread mark); the recipients' side is as above.
     */
    static final String SENT = """
            UPDATE conversation_state s
               SET archived_at = CASE WHEN s.account_id = ?2 AND NOT ?4 THEN s.archived_at END,
                   marked_unread = s.marked_unread AND (s.account_id <> ?2 OR NOT ?4),
                   draft = CASE WHEN s.account_id = ?2 AND ?4 THEN NULL ELSE s.draft END,
                   draft_key = CASE WHEN s.account_id = ?2 AND ?4 THEN NULL ELSE s.draft_key END,
                   draft_client_message_id = CASE WHEN s.account_id = ?2 AND ?4 THEN NULL ELSE s.draft_client_message_id END,
                   draft_updated_at = CASE WHEN s.account_id = ?2 AND ?4 THEN NULL ELSE s.draft_updated_at END
              FROM conversation_state prior
             WHERE prior.id = s.id AND s.conversation_id = ?1
               AND (s.account_id = ?2
                    OR (s.archived_at IS NOT NULL
                        AND (SELECT coalesce(c.colleague_id = s.account_id, a.role = 'client')
                               FROM account a, conversation c WHERE a.id = s.account_id AND c.id = ?1) <> ?3))
            RETURNING s.account_id, prior.draft IS NOT NULL AND ?4""";

    @PersistenceContext
    EntityManager em;

    /** Archives the conversation for the account; true if it was not archived before. */
    public boolean archive(Conversation conversation, Account account, OffsetDateTime at) {
        return em.createNativeQuery(ARCHIVE)
                .setParameter(1, UUID.randomUUID()).setParameter(2, conversation.id()).setParameter(3, account.id())
                .setParameter(4, at)
                .executeUpdate() == 1;
    }

    public boolean unarchive(Conversation conversation, Account account) {
        return em.createNativeQuery(UNARCHIVE)
                .setParameter(1, conversation.id()).setParameter(2, account.id())
                .executeUpdate() == 1;
    }

    public boolean markUnread(Conversation conversation, Account account) {
        return em.createNativeQuery(MARK_UNREAD)
                .setParameter(1, UUID.randomUUID()).setParameter(2, conversation.id()).setParameter(3, account.id())
                .executeUpdate() == 1;
    }

    /** The reader opened the conversation: it is no longer marked unread. True if it was. */
    public boolean clearMarkedUnread(Conversation conversation, Account reader) {
        return em.createNativeQuery(CLEAR_UNREAD)
                .setParameter(1, conversation.id()).setParameter(2, reader.id())
                .executeUpdate() == 1;
    }

    /** What a sent message does to everyone's state (see {@link #SENT}); true if it cleared the sender's draft. */
    public boolean messageSent(Conversation conversation, Message message) {
        List<?> rows = em.createNativeQuery(SENT)
                .setParameter(1, conversation.id()).setParameter(2, message.senderId())
                .setParameter(3, message.isFromClient()).setParameter(4, message.writtenInThread())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .anyMatch(r -> message.senderId().equals(r[0]) && Boolean.TRUE.equals(r[1]));
    }
}
