package care.messaging.testing;

import care.messaging.attachment.entity.Attachment;
import care.messaging.platform.entity.Identity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Attachment rows and their chunks as stored, for tests that look at, move or cut them in a transaction of their own. */
@Stateless
public class AttachmentRows {

    @PersistenceContext
    EntityManager em;

    /** A new attachment row of the identity's practice, uploaded by them, not yet persisted. */
    public Attachment newAttachment(Identity uploader) {
        var row = (Object[]) em.createNativeQuery("SELECT id, practice_id FROM account WHERE subject = ?1")
                .setParameter(1, uploader.subject()).getSingleResult();
        return new Attachment((UUID) row[1], (UUID) row[0], java.time.OffsetDateTime.now());
    }

    public Attachment find(UUID id) {
        return em.find(Attachment.class, id);
    }

    public List<byte[]> chunks(UUID attachmentId) {
        @SuppressWarnings("unchecked")
        List<byte[]> chunks = em.createNativeQuery("SELECT bytes FROM attachment_chunk WHERE attachment_id = ?1 ORDER BY chunk_no")
                .setParameter(1, attachmentId).getResultList();
        return chunks;
    }

    public long rows(UUID attachmentId) {
        return ((Number) em.createNativeQuery("SELECT (SELECT count(*) FROM attachment WHERE id = ?1) + (SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?1)")
                .setParameter(1, attachmentId).getSingleResult()).longValue();
    }

    /** Replaces the bytes of {@code to} with a copy of those of {@code from}, as someone with database access could. */
    public void copyChunks(UUID from, UUID to) {
        em.createNativeQuery("DELETE FROM attachment_chunk WHERE attachment_id = ?1").setParameter(1, to).executeUpdate();
        em.createNativeQuery("INSERT INTO attachment_chunk (attachment_id, chunk_no, bytes) SELECT ?2, chunk_no, bytes FROM attachment_chunk WHERE attachment_id = ?1")
                .setParameter(1, from).setParameter(2, to).executeUpdate();
    }

    /** Drops the file's last chunk: a file cut short. */
    public void dropLastChunk(UUID attachmentId) {
        em.createNativeQuery("DELETE FROM attachment_chunk WHERE attachment_id = ?1 AND chunk_no = (SELECT max(chunk_no) FROM attachment_chunk WHERE attachment_id = ?1)")
                .setParameter(1, attachmentId).executeUpdate();
    }

    /** Flips one byte in the middle of the file's first chunk. */
    public void flipAByte(UUID attachmentId) {
        em.createNativeQuery("UPDATE attachment_chunk SET bytes = set_byte(bytes, length(bytes) / 2, (get_byte(bytes, length(bytes) / 2) + 1) % 256) WHERE attachment_id = ?1 AND chunk_no = 0")
                .setParameter(1, attachmentId).executeUpdate();
    }
}
