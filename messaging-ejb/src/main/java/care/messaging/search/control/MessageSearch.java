package care.messaging.search.control;

import care.messaging.conversation.control.Bodies;
import care.messaging.conversation.control.InboxCursor;
import care.messaging.conversation.control.MessageFiles;
import care.messaging.conversation.entity.AttachedFile;
import care.messaging.conversation.entity.MessageView.Sender;
import care.messaging.conversation.entity.Page;
import care.messaging.crypto.control.BlindIndex;
import care.messaging.directory.entity.Account;
import care.messaging.platform.control.Rows;
import care.messaging.search.entity.MessageHit;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages of the caller's own conversations that hold every word of a query, newest first. The index
 * only proposes candidates (a hash names a word or a prefix, and 16 bytes may collide); each is decrypted
 * and checked before it is returned, so a result always really contains the words.
 */
@Dependent
public class MessageSearch {

    /** The most candidates one request decrypts; past it the page ends early, with a cursor to go on. */
    static final int MAX_EXAMINED = 500;

    static final String CANDIDATES = """
            SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.sender_name, m.sent_at, m.body
              FROM search_term t JOIN message m ON m.id = t.message_id
             WHERE t.term = ?1 AND t.conversation_id IN (%s)%s%s
             ORDER BY t.sent_at DESC, t.message_id DESC
             LIMIT ?5""";
    // The same participation rules as the conversation list (Inbox).
    static final String PRACTITIONER_CONVERSATIONS = "SELECT c.id FROM conversation c WHERE (c.practitioner_id = ?2 OR c.colleague_id = ?2)";
    static final String PORTAL_CONVERSATIONS = """
            SELECT c.id FROM conversation c JOIN client cl ON cl.id = c.client_id
             WHERE cl.enabled AND c.client_id IN (SELECT client_id FROM client_account WHERE account_id = ?2)""";
    static final String AFTER = " AND (t.sent_at, t.message_id) < (?3, ?4)";
    static final String ALSO = " AND EXISTS (SELECT 1 FROM search_term u WHERE u.term = ?%d AND u.sent_at = t.sent_at AND u.message_id = t.message_id)";

    @PersistenceContext
    EntityManager em;
    @Inject
    BlindIndex blindIndex;
    @Inject
    Bodies bodies;
    @Inject
    MessageFiles files;

    public Page<MessageHit> page(Account me, SearchQuery query, String cursor, int limit) {
        var after = InboxCursor.parse(cursor);
        var hits = new ArrayList<MessageHit>();
        var examined = 0;
        while (true) {
            var wanted = limit + 1 - hits.size();
            var rows = candidates(me, query, after, wanted);
            // the candidates' files in one statement: their names are searched, and shown with the hit
            var attached = files.of(rows.stream().map(r -> (UUID) r[0]).toList());
            for (var r : rows) {
                examined++;
                after = new InboxCursor(Rows.time(r[5]), (UUID) r[0]);
                checked(r, query, attached.getOrDefault((UUID) r[0], List.of())).ifPresent(hits::add);
                if (hits.size() > limit) {
                    var last = hits.get(limit - 1);
                    return new Page<>(hits.subList(0, limit), InboxCursor.of(last.sentAt(), last.messageId()));
                }
            }
            if (rows.size() < wanted) {
                return new Page<>(hits, null);
            }
            if (examined >= MAX_EXAMINED) {
                return new Page<>(hits, InboxCursor.of(after.lastActivityAt(), after.id()));
            }
        }
    }

    List<Object[]> candidates(Account me, SearchQuery query, InboxCursor after, int limit) {
        var leading = query.leading();
        var others = query.words().stream().filter(w -> !w.equals(leading)).toList();
        var also = new StringBuilder();
        for (int i = 0; i < others.size(); i++) {
            also.append(ALSO.formatted(6 + i));
        }
        var sql = CANDIDATES.formatted(me.role().isClientSide() ? PORTAL_CONVERSATIONS : PRACTITIONER_CONVERSATIONS,
                after == null ? "" : AFTER, also);
        var q = em.createNativeQuery(sql)
                .setParameter(1, hash(me, leading))
                .setParameter(2, me.id())
                .setParameter(5, limit);
        if (after != null) {
            q.setParameter(3, after.lastActivityAt()).setParameter(4, after.id());
        }
        for (int i = 0; i < others.size(); i++) {
            q.setParameter(6 + i, hash(me, others.get(i)));
        }
        return ((List<?>) q.getResultList()).stream().map(Object[].class::cast).toList();
    }

    Optional<MessageHit> checked(Object[] r, SearchQuery query, List<AttachedFile> attached) {
        var id = (UUID) r[0];
        return bodies.body(id, (byte[]) r[6]).flatMap(html -> {
            var text = SearchIndex.searched(html, SearchIndex.names(attached));
            var words = SearchText.words(text);
            if (!query.matches(words)) {
                return Optional.empty();
            }
            var snippet = Snippets.around(text, words, query);
            return Optional.of(new MessageHit((UUID) r[1], id, Rows.number(r[2]), new Sender((UUID) r[3], (String) r[4]),
                    Rows.time(r[5]), snippet.text(), snippet.highlights(), List.copyOf(attached)));
        });
    }

    byte[] hash(Account me, String word) {
        return blindIndex.hash(me.practiceId(), SearchText.cap(word));
    }
}
