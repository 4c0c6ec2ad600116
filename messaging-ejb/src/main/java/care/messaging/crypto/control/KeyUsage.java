package care.messaging.crypto.control;

import care.messaging.platform.control.SecurityLog;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.UnreadableCiphertext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Which keys the stored ciphertexts use, and moving them to the primary key a batch at a time. */
@Dependent
public class KeyUsage {

    private static final System.Logger LOGGER = System.getLogger(KeyUsage.class.getName());

    /** One batch's outcome: rows moved to the primary, rows that did not open, and the last row id seen. */
    public record Batch(int reencrypted, int unreadable, UUID last) {

        public boolean isEmpty() {
            return last == null;
        }
    }

    /** The label under which key status counts the files a key encrypts. */
    public static final String FILE_BYTES = "attachment.bytes";

    @PersistenceContext
    EntityManager em;
    @Inject
    RowCipher cipher;

    /** For each key id: rows per column that still use it. */
    public Map<Integer, Map<String, Long>> rowsPerKey() {
        var usage = new TreeMap<Integer, Map<String, Long>>();
        for (var column : EncryptedColumn.values()) {
            List<?> rows = em.createNativeQuery("SELECT " + column.keyColumn() + ", count(*) FROM " + column.table()
                    + " WHERE " + column.keyColumn() + " IS NOT NULL GROUP BY 1").getResultList();
            for (var row : rows) {
                var r = (Object[]) row;
                usage.computeIfAbsent(((Number) r[0]).intValue(), id -> new TreeMap<>())
                        .put(column.label(), ((Number) r[1]).longValue());
            }
        }
        // Attachments' bytes are streams (FileCipher), which re-encryption does not move yet: counted here so a
        // key is never retired while a file needs it.
        List<?> files = em.createNativeQuery("SELECT key_id, count(*) FROM attachment GROUP BY 1").getResultList();
        for (var row : files) {
            var r = (Object[]) row;
            usage.computeIfAbsent(((Number) r[0]).intValue(), id -> new TreeMap<>()).put(FILE_BYTES, ((Number) r[1]).longValue());
        }
        return usage;
    }

    /**
     * Re-encrypts up to {@code size} rows of the column that use a key older than the primary, after the
     * given row id, in the caller's transaction. Rows another node is re-encrypting are skipped, not waited
     * for; a row that does not open keeps its ciphertext (and its old key) and is logged.
     */
    public Batch reencrypt(EncryptedColumn column, int primary, UUID after, int size) {
        List<?> rows = em.createNativeQuery("SELECT id, " + column.column() + " FROM " + column.table()
                        + " WHERE " + column.keyColumn() + " < ?1 AND id > ?2 ORDER BY id LIMIT ?3 FOR UPDATE SKIP LOCKED")
                .setParameter(1, primary)
                .setParameter(2, after == null ? new UUID(0, 0) : after)
                .setParameter(3, size)
                .getResultList();
        int done = 0;
        int unreadable = 0;
        UUID last = null;
        for (var row : rows) {
            var r = (Object[]) row;
            var id = (UUID) r[0];
            last = id;
            try {
                var sealed = cipher.seal(column, id, cipher.open(column, id, (byte[]) r[1]));
                em.createNativeQuery("UPDATE " + column.table() + " SET " + column.column() + " = ?1, "
                                + column.keyColumn() + " = ?2 WHERE id = ?3")
                        .setParameter(1, sealed.ciphertext()).setParameter(2, sealed.keyId()).setParameter(3, id)
                        .executeUpdate();
                done++;
            } catch (UnreadableCiphertext e) {
                unreadable++;
                SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "SECURITY: re-encryption skipped {0} (key {1}): it does not decrypt",
                        e.column().label() + " of row " + e.rowId(), e.keyId());
            }
        }
        return new Batch(done, unreadable, last);
    }
}
