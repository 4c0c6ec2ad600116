package care.messaging.search.control;

import care.messaging.conversation.control.Bodies;
import care.messaging.conversation.control.MessageFiles;
import care.messaging.conversation.entity.AttachedFile;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.conversation.entity.MessageErased;
import care.messaging.conversation.entity.MessagePosted;
import care.messaging.crypto.control.BlindIndex;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;

/**
 * The blind index of message text: for every word and every prefix of three letters or more, a keyed
 * hash under the practice's index key, with the message it occurs in. Written in the transaction that
 * stores the message, and removed in the one that erases it: conversation tells of both with synchronous
 * CDI events ({@link MessagePosted}, {@link MessageErased}), whose observers run in the caller's
 * transaction, so the index commits or rolls back with the message. {@code search_indexed} records
 * which key indexed each message, so messages stored before the index existed, or indexed under a
 * replaced key, are found and indexed (again) by {@link #backfill}.
 */
@Dependent
public class SearchIndex {

    // The hashes arrive as one bytea, 16 bytes each, and are split here: one fixed statement per message.
    static final String INSERT = """
            WITH marked AS (
                INSERT INTO search_indexed (message_id, key_check) VALUES (?2, ?5)
                ON CONFLICT (message_id) DO UPDATE SET key_check = EXCLUDED.key_check)
            INSERT INTO search_term (term, sent_at, message_id, conversation_id)
            SELECT DISTINCT substring(CAST(?1 AS bytea) FROM g * 16 + 1 FOR 16), CAST(?4 AS timestamptz), ?2, ?3
              FROM generate_series(0, length(CAST(?1 AS bytea)) / 16 - 1) AS g""";

    // Not yet indexed, or indexed under another key; rows another node is indexing are skipped.
    static final String STALE = """
            SELECT m.id, m.conversation_id, m.sent_at, m.body, c.practice_id
              FROM message m JOIN conversation c ON c.id = m.conversation_id
             WHERE m.deleted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM search_indexed s WHERE s.message_id = m.id AND s.key_check = ?1)
             LIMIT ?2
               FOR UPDATE OF m SKIP LOCKED""";

    @PersistenceContext
    EntityManager em;
    @Inject
    BlindIndex blindIndex;
    @Inject
    Bodies bodies;
    @Inject
    MessageFiles files;

    void posted(@Observes MessagePosted posted) {
        store(posted.conversation().practiceId(), posted.conversation().id(), posted.message().id(), posted.message().sentAt(),
                posted.html(), posted.fileNames());
    }

    void erased(@Observes MessageErased erased) {
        forget(erased.message().id());
    }

    /** Indexes a new message's words from its sanitized HTML (tags stripped), in the caller's transaction. */
    public void index(Conversation conversation, Message message, String html) {
        store(conversation.practiceId(), conversation.id(), message.id(), message.sentAt(), html, List.of());
    }

    /** Removes a message from the index (when it is deleted): no search finds it afterwards. */
    public void forget(UUID messageId) {
        em.createNativeQuery("DELETE FROM search_term WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
        em.createNativeQuery("DELETE FROM search_indexed WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
    }

    /**
     * Indexes up to {@code size} messages that the current key has not indexed, in the caller's
     * transaction; answers how many it looked at (0: nothing left). A body that does not open is recorded as
     * indexed without words (Bodies logs it), so it is not tried again and again.
     */
    public int backfill(int size) {
        List<?> rows = em.createNativeQuery(STALE)
                .setParameter(1, blindIndex.keyCheck())
                .setParameter(2, size)
                .getResultList();
        var attached = files.of(rows.stream().map(row -> (UUID) ((Object[]) row)[0]).toList());
        for (var row : rows) {
            var r = (Object[]) row;
            var id = (UUID) r[0];
            em.createNativeQuery("DELETE FROM search_term WHERE message_id = ?1").setParameter(1, id).executeUpdate();
            var html = bodies.body(id, (byte[]) r[3]).orElse("");
            store((UUID) r[4], (UUID) r[1], id, Rows.time(r[2]), html, names(attached.getOrDefault(id, List.of())));
        }
        return rows.size();
    }

    void store(UUID practice, UUID conversation, UUID message, OffsetDateTime sentAt, String html, List<String> fileNames) {
        var terms = SearchText.terms(searched(html, fileNames));
        em.createNativeQuery(INSERT)
                .setParameter(1, blindIndex.hashes(practice, terms))
                .setParameter(2, message)
                .setParameter(3, conversation)
                .setParameter(4, sentAt)
                .setParameter(5, blindIndex.keyCheck())
                .executeUpdate();
    }

    /** What a search looks in: the text a reader sees, then the names of the message's files. */
    public static String searched(String html, List<String> fileNames) {
        var text = text(html);
        return fileNames.isEmpty() ? text : (text + "\n" + String.join("\n", fileNames)).strip();
    }

    static List<String> names(List<AttachedFile> files) {
        return files.stream().map(AttachedFile::name).toList();
    }

    /** The text a reader sees: tags gone, whitespace collapsed (link targets are not searched). */
    public static String text(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }
}
