package care.messaging.conversation.control;

import care.messaging.platform.control.Rows;
import care.messaging.conversation.entity.AttachedFile;
import care.messaging.conversation.entity.MessageView;
import care.messaging.conversation.entity.MessageView.Sender;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pages of a conversation's messages, newest first, each with its read receipt; deleted ones keep their place. */
@Dependent
public class Transcript {

    // readAt: the earliest time someone on the other side moved their marker to or past the message.
    static final String PAGE = """
            SELECT m.id, m.seq, m.client_message_id, m.sender_id, m.sender_name, m.sent_at, m.body,
                   (SELECT min(r.read_at) FROM read_receipt r
                     WHERE r.conversation_id = m.conversation_id AND r.seq >= m.seq
                       AND r.client_side <> m.from_client) AS read_at,
                   m.deleted_at, m.announcement_id IS NOT NULL, m.automatic_reply, m.for_practice
              FROM message m
             WHERE m.conversation_id = ?1 AND m.seq < ?2
             ORDER BY m.seq DESC
             LIMIT ?3""";

    @PersistenceContext
    EntityManager em;
    @Inject
    Bodies bodies;
    @Inject
    MessageFiles files;

    public List<MessageView> page(UUID conversationId, long before, int limit) {
        List<?> rows = em.createNativeQuery(PAGE)
                .setParameter(1, conversationId)
                .setParameter(2, before)
                .setParameter(3, limit)
                .getResultList();
        var page = rows.stream().map(Object[].class::cast).toList();
        // the page's files in one statement; a deleted message has none (they were deleted with it)
        var attached = files.of(page.stream().filter(r -> r[8] == null).map(r -> (UUID) r[0]).toList());
        return page.stream().map(r -> view(r, attached.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    MessageView view(Object[] r, List<AttachedFile> attachments) {
        var id = (UUID) r[0];
        var deleted = r[8] != null;
        // A deleted message has no body left to open; only a body that is there and does not open is unavailable.
        var html = deleted ? Optional.<String>empty() : bodies.body(id, (byte[]) r[6]);
        return new MessageView(id, ((Number) r[1]).longValue(), (UUID) r[2],
                new Sender((UUID) r[3], (String) r[4]), Rows.time(r[5]), html.orElse(null), !deleted && html.isEmpty(),
                Rows.time(r[7]), deleted, Boolean.TRUE.equals(r[9]), Boolean.TRUE.equals(r[11]), Boolean.TRUE.equals(r[10]),
                List.copyOf(attachments));
    }
}
