package care.messaging.attachment.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Files uploaded and never sent are deleted once they are old enough, rows and bytes (the chunks go by the
 * foreign key's cascade). One batch per transaction; the condition is in the DELETE itself, so any number of
 * nodes may run it at once (a row another node is deleting is skipped) and a send that claims a file first
 * keeps it: the send locks the row and sets its message, after which the condition no longer holds.
 */
@Stateless
public class UnsentUploads {

    static final String DELETE = """
            DELETE FROM attachment WHERE id IN (
                SELECT id FROM attachment WHERE message_id IS NULL AND created_at < ?1
                 LIMIT ?2 FOR UPDATE SKIP LOCKED)
               AND message_id IS NULL""";

    @PersistenceContext
    EntityManager em;

    /** Deletes up to {@code batch} unsent files created before {@code before}; answers how many. */
    public int remove(OffsetDateTime before, int batch) {
        return em.createNativeQuery(DELETE).setParameter(1, before).setParameter(2, batch).executeUpdate();
    }
}
