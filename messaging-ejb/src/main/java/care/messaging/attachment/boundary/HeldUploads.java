package care.messaging.attachment.boundary;

import care.messaging.platform.control.SecurityLog;
import care.messaging.attachment.control.AttachmentFiles;
import care.messaging.attachment.control.MalwareScanner;
import care.messaging.attachment.entity.Attachment;
import care.messaging.attachment.entity.ScanVerdict;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Outcome;
import care.messaging.audit.entity.Targets;
import care.messaging.platform.entity.Actor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Files held as {@code scanning} because the scanner was out of reach when they were uploaded, scanned again once it
 * answers: one file per transaction, claimed FOR UPDATE SKIP LOCKED so nodes never scan one twice at once. Clean: the
 * file becomes downloadable (and sendable). Malware: the file is removed, rows and chunks, and the uploader's name is
 * on a denied {@code attachment.rescan} row (a security event). Still out of reach: nothing changes, the next sweep
 * tries again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HeldUploads {

    private static final System.Logger LOGGER = System.getLogger(HeldUploads.class.getName());

    @Inject
    jakarta.enterprise.event.Event<care.messaging.attachment.entity.FileScanned> scans;
    @Inject
    MalwareScanner scanner;
    @Inject
    AttachmentFiles files;
    @Inject
    AuditTrail audit;
    @PersistenceContext
    EntityManager em;

    /** The held files not claimed by another node now, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> held(int limit) {
        List<?> rows = em.createNativeQuery("SELECT id FROM attachment WHERE state = 'scanning' ORDER BY created_at, id LIMIT ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    /** Scans one held file again; whether the scanner answered (false: stop this sweep, it is still out of reach). */
    public boolean rescan(UUID id) {
        List<?> claimed = em.createNativeQuery("SELECT id FROM attachment WHERE id = ?1 AND state = 'scanning' FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).getResultList();
        if (claimed.isEmpty()) {
            return true; // another node has it, or it is decided already
        }
        var attachment = em.find(Attachment.class, id);
        ScanVerdict verdict;
        try (var content = files.read(attachment)) {
            verdict = scanner.scan(content);
        } catch (IOException e) {
            SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "SECURITY: held attachment {0} could not be read for a new scan: {1}", id, e.getMessage());
            return true;
        }
        scans.fire(care.messaging.attachment.entity.FileScanned.of(verdict));
        var uploader = uploader(attachment);
        if (verdict instanceof ScanVerdict.Unavailable unavailable) {
            LOGGER.log(System.Logger.Level.INFO, "Held attachments wait: the scanner is still out of reach ({0})", unavailable.reason());
            return false;
        }
        if (verdict instanceof ScanVerdict.Unscannable unscannable) {
            // it would never become clean: removed like malware, so it does not wait as scanning for ever
            LOGGER.log(System.Logger.Level.WARNING, "SECURITY: held attachment {0} is past the scanner''s {1} limit; removed", id,
                    unscannable.limit());
            em.createNativeQuery("DELETE FROM attachment WHERE id = ?1").setParameter(1, id).executeUpdate();
            audit.record(uploader, Action.ATTACHMENT_RESCAN, Outcome.DENIED, Targets.none());
            return true;
        }
        if (verdict instanceof ScanVerdict.Infected infected) {
            SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "SECURITY: held attachment {0} has malware {1}; removed", id, infected.signature());
            em.createNativeQuery("DELETE FROM attachment WHERE id = ?1").setParameter(1, id).executeUpdate();
            audit.record(uploader, Action.ATTACHMENT_RESCAN, Outcome.DENIED, Targets.none());
            return true;
        }
        attachment.scanned(verdict);
        audit.record(uploader, Action.ATTACHMENT_RESCAN, Outcome.SUCCESS, Targets.none());
        return true;
    }

    Actor uploader(Attachment attachment) {
        List<?> roles = em.createNativeQuery("SELECT role FROM account WHERE id = ?1").setParameter(1, attachment.uploaderId()).getResultList();
        return Actor.account(attachment.uploaderId(), attachment.practiceId(), roles.isEmpty() ? null : (String) roles.get(0));
    }
}
