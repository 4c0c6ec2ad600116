package care.messaging.draft.control;

import care.messaging.platform.control.SecurityLog;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.SanitizedHtml;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.UnreadableCiphertext;
import care.messaging.directory.entity.Account;
import care.messaging.draft.entity.DraftView;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A participant's draft of a conversation, kept on the server (never in browser storage) so any of their
 * devices restores it. Sealed like a message body, bound to its conversation_state row; a send by the same
 * account clears it in the send's transaction (conversation's ParticipantStates.SENT, the one statement a
 * send changes every participant's state with).
 */
@Dependent
public class DraftTexts {

    private static final System.Logger LOGGER = System.getLogger(DraftTexts.class.getName());

    static final String READ = """
            SELECT id, draft, draft_client_message_id, draft_updated_at FROM conversation_state
             WHERE conversation_id = ?1 AND account_id = ?2""";
    // Finds or creates the account's row and locks it until commit, so concurrent saves take turns.
    static final String ROW = """
            INSERT INTO conversation_state (id, conversation_id, account_id) VALUES (?1, ?2, ?3)
            ON CONFLICT (conversation_id, account_id) DO UPDATE SET account_id = EXCLUDED.account_id
            RETURNING id, draft, draft_client_message_id, draft_updated_at""";
    static final String WRITE = """
            UPDATE conversation_state
               SET draft = ?1, draft_key = ?2, draft_client_message_id = CAST(?3 AS uuid), draft_updated_at = ?4
             WHERE id = ?5""";
    static final String CLEAR = """
            UPDATE conversation_state SET draft = NULL, draft_key = NULL, draft_client_message_id = NULL, draft_updated_at = NULL
             WHERE conversation_id = ?1 AND account_id = ?2 AND draft IS NOT NULL""";
    static final String SENT = """
            SELECT 1 FROM message WHERE sender_id = ?1 AND client_message_id = ?2 AND conversation_id = ?3""";

    /** A save's result, and whether it changed what is stored (a repeat of the same text does not). */
    public record Saved(DraftView draft, boolean changed) {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    RowCipher cipher;

    public DraftView read(Conversation conversation, Account account) {
        List<?> rows = em.createNativeQuery(READ)
                .setParameter(1, conversation.id()).setParameter(2, account.id())
                .getResultList();
        return rows.isEmpty() ? DraftView.none(conversation.id()) : view(conversation, (Object[]) rows.get(0));
    }

    public Saved save(Conversation conversation, Account account, SanitizedHtml text, UUID clientMessageId, OffsetDateTime at) {
        var row = (Object[]) em.createNativeQuery(ROW)
                .setParameter(1, UUID.randomUUID()).setParameter(2, conversation.id()).setParameter(3, account.id())
                .getSingleResult();
        var current = view(conversation, row);
        if (text.html().equals(current.html()) && Objects.equals(clientMessageId, current.clientMessageId())) {
            return new Saved(current, false);
        }
        var id = (UUID) row[0];
        var sealed = cipher.seal(EncryptedColumn.DRAFT, id, text.html());
        em.createNativeQuery(WRITE)
                .setParameter(1, sealed.ciphertext()).setParameter(2, sealed.keyId())
                // As text: a null UUID parameter would be bound as varchar, which PostgreSQL does not cast by itself.
                .setParameter(3, clientMessageId == null ? null : clientMessageId.toString()).setParameter(4, at).setParameter(5, id)
                .executeUpdate();
        return new Saved(new DraftView(conversation.id(), text.html(), clientMessageId, at, false), true);
    }

    /** Removes the account's draft; true if there was one. */
    public boolean clear(Conversation conversation, Account account) {
        return em.createNativeQuery(CLEAR)
                .setParameter(1, conversation.id()).setParameter(2, account.id())
                .executeUpdate() == 1;
    }

    /** Whether the account already sent a message with this clientMessageId here: then its draft is history. */
    public boolean sent(Conversation conversation, Account account, UUID clientMessageId) {
        return !em.createNativeQuery(SENT)
                .setParameter(1, account.id()).setParameter(2, clientMessageId).setParameter(3, conversation.id())
                .getResultList().isEmpty();
    }

    DraftView view(Conversation conversation, Object[] row) {
        var ciphertext = (byte[]) row[1];
        if (ciphertext == null) {
            return DraftView.none(conversation.id());
        }
        var id = (UUID) row[0];
        String html = null;
        try {
            html = cipher.open(EncryptedColumn.DRAFT, id, ciphertext);
        } catch (UnreadableCiphertext e) {
            SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "SECURITY: {0} of row {1} failed authentication (key {2}); shown as unavailable",
                    EncryptedColumn.DRAFT.label(), id, e.keyId());
        }
        return new DraftView(conversation.id(), html, (UUID) row[2], Rows.time(row[3]), html == null);
    }
}
