package care.messaging.conversation.control;

import care.messaging.platform.control.SecurityLog;
import care.messaging.conversation.entity.AttachedFile;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.UnreadableCiphertext;
import care.messaging.directory.entity.Account;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.Uuids;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The files of messages. The attachment component builds on this one, so its rows are read and changed here by
 * statement, never through its entity (whose conversation and message columns are read only: EclipseLink binds
 * a NULL uuid as varchar, see traps.md). A file goes with a message only if it is the sender's own upload in
 * the practice, clean and not sent yet; the rows are locked first, so two sends naming one file serialize and
 * the second finds it sent.
 */
@Dependent
public class MessageFiles {

    private static final System.Logger LOGGER = System.getLogger(MessageFiles.class.getName());
    static final String UNSENT = " AND uploader_id = ?2 AND practice_id = ?3 AND state = 'clean' AND message_id IS NULL"
            + " AND announcement_id IS NULL";
    static final String CLAIM = "SELECT id, display_name, media_type, size_bytes FROM attachment"
            + " WHERE id = ANY (CAST(?1 AS uuid[]))" + UNSENT + " ORDER BY created_at, id FOR UPDATE";
    static final String ATTACH = "UPDATE attachment SET conversation_id = ?4, message_id = ?5"
            + " WHERE id = ANY (CAST(?1 AS uuid[]))" + UNSENT;
    static final String TO_ANNOUNCEMENT = "UPDATE attachment SET announcement_id = ?4"
            + " WHERE id = ANY (CAST(?1 AS uuid[]))" + UNSENT;
    // One statement for a whole page of messages (no query per message): their own files, and an announcement copy's
    // shared file (not on a deleted copy).
    static final String OF_MESSAGES = """
            SELECT message_id, id, display_name, media_type, size_bytes, created_at FROM attachment
             WHERE message_id = ANY (CAST(?1 AS uuid[]))
            UNION ALL
            SELECT m.id, a.id, a.display_name, a.media_type, a.size_bytes, a.created_at
              FROM message m JOIN attachment a ON a.announcement_id = m.announcement_id
             WHERE m.id = ANY (CAST(?1 AS uuid[])) AND m.announcement_id IS NOT NULL AND m.deleted_at IS NULL
             ORDER BY 6, 2""";

    @PersistenceContext
    EntityManager em;
    @Inject
    RowCipher cipher;
    @Inject
    @ConfigProperty(name = "messaging.attachments.per-message", defaultValue = "10")
    int perMessage;
    /** The files of one message together: 100 MB, four files of the default largest size. */
    @Inject
    @ConfigProperty(name = "messaging.attachments.per-message-bytes", defaultValue = "104857600")
    long perMessageBytes;

    /** The ids a send names, each once, in the order given; malformed ones and too many are refused before anything is written. */
    public List<UUID> parse(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        var distinct = new LinkedHashSet<UUID>();
        for (var id : ids) {
            distinct.add(Uuids.parse(id).orElseThrow(MessageFiles::unavailable));
        }
        if (distinct.size() > perMessage) {
            throw new DomainException(ProblemType.TOO_MANY_ATTACHMENTS, "A message may carry at most " + perMessage + " files");
        }
        return List.copyOf(distinct);
    }

    /**
     * Locks the sender's unsent clean uploads the send names and answers them; refuses the whole send if any
     * is not one (another person's, another practice's, sent already, still scanning, or no such file), without
     * saying which or why, since a file that is not the caller's does not exist for them.
     */
    public List<AttachedFile> claim(Account sender, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery(CLAIM).setParameter(1, array(ids)).setParameter(2, sender.id())
                .setParameter(3, sender.practiceId()).getResultList();
        if (rows.size() != ids.size()) {
            throw unavailable();
        }
        var files = rows.stream().map(Object[].class::cast).map(r -> file((UUID) r[0], (byte[]) r[1], r[2], r[3])).toList();
        if (files.stream().mapToLong(AttachedFile::size).sum() > perMessageBytes) {
            throw new DomainException(ProblemType.ATTACHMENTS_TOO_LARGE, "The files of one message may be " + perMessageBytes + " bytes together at most");
        }
        return files;
    }

    /** Puts the claimed files with the (flushed) message, in the send's transaction. */
    public void attach(Account sender, Conversation conversation, Message message, List<AttachedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        var updated = em.createNativeQuery(ATTACH).setParameter(1, array(files.stream().map(AttachedFile::id).toList()))
                .setParameter(2, sender.id()).setParameter(3, sender.practiceId())
                .setParameter(4, conversation.id()).setParameter(5, message.id()).executeUpdate();
        if (updated != files.size()) {
            // cannot happen while claim's locks hold; refused rather than sent with fewer files than asked
            throw unavailable();
        }
    }

    /** An announcement's one file, shared by every copy: set in the announcement's transaction after {@link #claim}. */
    public void attachToAnnouncement(Account sender, UUID announcement, List<AttachedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        var updated = em.createNativeQuery(TO_ANNOUNCEMENT).setParameter(1, array(files.stream().map(AttachedFile::id).toList()))
                .setParameter(2, sender.id()).setParameter(3, sender.practiceId()).setParameter(4, announcement).executeUpdate();
        if (updated != files.size()) {
            throw unavailable();
        }
    }

    /** Each message's files (none: no entry), with one statement for all of them. */
    public Map<UUID, List<AttachedFile>> of(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery(OF_MESSAGES).setParameter(1, array(messageIds)).getResultList();
        var files = new LinkedHashMap<UUID, List<AttachedFile>>();
        for (var row : rows) {
            var r = (Object[]) row;
            files.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(file((UUID) r[1], (byte[]) r[2], r[3], r[4]));
        }
        return files;
    }

    /**
     * A deleted message's files go with its text, rows and bytes (the chunks by the foreign key's cascade), in
     * the deletion's transaction: no key or row is left that could bring them back.
     */
    public int erase(UUID messageId) {
        return em.createNativeQuery("DELETE FROM attachment WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
    }

    /** What a message with files but no text shows in the conversation list. */
    public static String preview(List<AttachedFile> files) {
        return RichText.preview("📎 " + files.stream().map(AttachedFile::name).collect(Collectors.joining(", ")));
    }

    AttachedFile file(UUID id, byte[] sealedName, Object type, Object size) {
        return new AttachedFile(id, name(id, sealedName), (String) type, ((Number) size).longValue());
    }

    String name(UUID id, byte[] sealedName) {
        try {
            return cipher.open(EncryptedColumn.ATTACHMENT_NAME, id, sealedName);
        } catch (UnreadableCiphertext e) {
            SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "SECURITY: the name of attachment {0} failed authentication (key {1}); shown as \"file\"",
                    id, e.keyId());
            return "file";
        }
    }

    /** A PostgreSQL array literal of ids (all parsed UUIDs: nothing else can reach the statement). */
    static String array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static DomainException unavailable() {
        return new DomainException(ProblemType.ATTACHMENT_UNAVAILABLE,
                "A file named in attachments is not one of your uploads that can be sent (already sent, not yet scanned, or unknown)");
    }
}
