package care.messaging.attachment.boundary;

import care.messaging.platform.control.SecurityLog;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.attachment.control.AttachmentFiles;
import care.messaging.attachment.control.ContentTypes;
import care.messaging.attachment.control.MalwareScanner;
import care.messaging.attachment.entity.Attachment;
import care.messaging.attachment.entity.AttachmentState;
import care.messaging.attachment.entity.AttachmentView;
import care.messaging.attachment.entity.Download;
import care.messaging.attachment.entity.FileName;
import care.messaging.attachment.entity.FileScanned;
import care.messaging.attachment.entity.ScanVerdict;
import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.conversation.control.Participation;
import care.messaging.conversation.entity.Conversation;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.StoredTime;
import care.messaging.platform.entity.Uuids;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A practitioner's or client's files: upload (typed by content, stored encrypted and scanned in one pass, in one
 * transaction) and download, by the uploader and, once the file is sent with a message, by whoever may read
 * that conversation (sending is conversation's: {@code MessageFiles}). An infected file is
 * refused as a policy decision, so its access.denied row is written in a transaction of its own and
 * survives the upload's rollback, which leaves no row and no byte of it. A scanner out of reach leaves the
 * file {@code scanning}, which is not downloadable (fail closed).
 */
@Stateless
public class Attachments {

    /** 25 MB: clamd's own default StreamMaxLength, past which it could not scan a file anyway. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    static final Set<Role> UPLOADERS = Set.of(Role.PRACTITIONER, Role.CLIENT);
    /** The copies of an announcement in conversations the account takes part in or holds an emergency grant for. */
    static final String COPIES = """
            SELECT m.conversation_id, m.id FROM message m JOIN conversation c ON c.id = m.conversation_id
             WHERE m.announcement_id = ?1 AND m.deleted_at IS NULL AND c.practice_id = ?3
               AND (c.practitioner_id = ?2 OR c.colleague_id = ?2
                    OR c.client_id IN (SELECT client_id FROM client_account WHERE account_id = ?2)
                    OR c.id IN (SELECT conversation_id FROM emergency_access WHERE admin_id = ?2))
             LIMIT 10""";
    private static final System.Logger LOGGER = System.getLogger(Attachments.class.getName());

    @Inject
    Accounts accounts;
    @Inject
    ContentTypes types;
    @Inject
    MalwareScanner scanner;
    @Inject
    AttachmentFiles files;
    @Inject
    RowCipher cipher;
    @Inject
    AuditTrail audit;
    @Inject
    Participation participation;
    @Inject
    Clock clock;
    @Inject
    Event<FileScanned> scans;
    @PersistenceContext
    EntityManager em;
    @Inject
    @ConfigProperty(name = "messaging.attachments.max-bytes", defaultValue = "" + DEFAULT_MAX_BYTES)
    long maxBytes;
    /** What an upload meets while the scanner is out of reach: held as scanning (the default), or refused (503). */
    @Inject
    @ConfigProperty(name = "messaging.attachments.refuse-unscanned", defaultValue = "false")
    boolean refuseUnscanned;

    /**
     * Stores one file: {@code declaredLength} (-1 if none was declared) is checked before a byte is read,
     * the bytes themselves as they arrive; {@code sentName} is what the browser called it (null if nothing).
     */
    @Attempts(Action.ATTACHMENT_UPLOAD)
    public AttachmentView upload(Identity identity, String sentName, long declaredLength, InputStream content) {
        var me = accounts.authorize(identity, UPLOADERS);
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        var head = head(content);
        var type = types.of(head, head.length);
        if (!type.allowed()) {
            throw new DomainException(ProblemType.ATTACHMENT_TYPE_NOT_ALLOWED, "Files of this type cannot be attached");
        }
        var attachment = new Attachment(me.practiceId(), me.id(), StoredTime.now(clock));
        attachment.typed(type);
        var name = FileName.of(sentName).value();
        attachment.sealName(cipher.seal(EncryptedColumn.ATTACHMENT_NAME, attachment.id(), name));
        try (var scan = scanner.open()) {
            files.write(attachment, head, content, maxBytes, scan);
            scanned(attachment, scan.verdict());
        }
        audit.record(me.actor(), Action.ATTACHMENT_UPLOAD, SUCCESS, Targets.none());
        return view(attachment, name);
    }

    /**
     * A clean file: the uploader's own, or one sent with a message of a conversation the caller may read (its
     * participants, a minor's guardians, the colleague; an admin only under an active emergency access, audited
     * as an emergency read too). Anyone else, another practice, or a file of a deleted message: not found.
     */
    @Attempts(Action.ATTACHMENT_DOWNLOAD)
    public Download download(Identity identity, String id) {
        var me = accounts.authenticate(identity);
        var attachment = Uuids.parse(id).map(uuid -> em.find(Attachment.class, uuid))
                .filter(a -> a.practiceId().equals(me.practiceId()))
                .orElseThrow(DomainException::notFound);
        var targets = readable(me, attachment);
        if (attachment.state() == AttachmentState.scanning) {
            throw new DomainException(ProblemType.ATTACHMENT_NOT_SCANNED, "The file has not been scanned for malware yet");
        }
        if (!attachment.downloadable()) {
            throw DomainException.notFound();
        }
        var name = cipher.open(EncryptedColumn.ATTACHMENT_NAME, attachment.id(), attachment.displayName());
        InputStream content;
        try {
            content = files.read(attachment);
        } catch (IOException e) {
            throw new UncheckedIOException("the file's bytes could not be opened", e);
        }
        if (targets.emergency()) {
            audit.record(me.actor(), Action.EMERGENCY_READ, SUCCESS, targets.targets());
        }
        audit.record(me.actor(), Action.ATTACHMENT_DOWNLOAD, SUCCESS, targets.targets());
        return new Download(view(attachment, name), content);
    }

    record Reader(Targets targets, boolean emergency) {
    }

    /** Who may have the file, and what the audit names: an unsent file only its uploader; a sent one its conversation's readers. */
    Reader readable(Account me, Attachment attachment) {
        var uploader = attachment.uploaderId().equals(me.id());
        if (attachment.announcementId() != null && !uploader) {
            return copyReader(me, attachment);
        }
        if (attachment.messageId() == null) {
            if (!uploader || !UPLOADERS.contains(me.role())) {
                throw DomainException.notFound();
            }
            return new Reader(Targets.none(), false);
        }
        var conversation = em.find(Conversation.class, attachment.conversationId());
        var targets = Targets.conversation(conversation.id(), conversation.clientId()).withMessage(attachment.messageId());
        if (uploader) {
            return new Reader(targets, false);
        }
        var reading = participation.reading(me, conversation.id().toString(), StoredTime.now(clock));
        return new Reader(targets, reading.emergency());
    }

    /**
     * An announcement's shared file: readable by whoever may read one of its (not deleted) copies. The candidates are
     * the copies in conversations the caller takes part in or holds an emergency grant for; each is then checked the
     * way a read of the conversation is, and the first that passes is the one audited.
     */
    Reader copyReader(Account me, Attachment attachment) {
        List<?> copies = em.createNativeQuery(COPIES).setParameter(1, attachment.announcementId()).setParameter(2, me.id())
                .setParameter(3, me.practiceId()).getResultList();
        for (var row : copies) {
            var copy = (Object[]) row;
            try {
                var reading = participation.reading(me, copy[0].toString(), StoredTime.now(clock));
                var conversation = reading.conversation();
                return new Reader(Targets.conversation(conversation.id(), conversation.clientId()).withMessage((UUID) copy[1]),
                        reading.emergency());
            } catch (DomainException notThisOne) {
                // not readable by the caller after all (a discharged client, an expired grant): try the next copy
            }
        }
        throw DomainException.notFound();
    }

    /** The scan's verdict: infected and unscannable (past the scanner's limits) are refused, nothing kept; unavailable stays scanning. */
    void scanned(Attachment attachment, ScanVerdict verdict) {
        scans.fire(FileScanned.of(verdict));
        if (verdict instanceof ScanVerdict.Infected infected) {
            // the signature's name is the scanner's, not the file's: no PHI
            SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "Upload refused: malware {0} found", infected.signature());
            throw new PolicyRefusal(ProblemType.ATTACHMENT_INFECTED, "The file contains malware and was not kept");
        }
        if (verdict instanceof ScanVerdict.Unscannable unscannable) {
            LOGGER.log(System.Logger.Level.WARNING, "Upload refused: the scanner stopped at its {0} limit, so the file was not scanned whole",
                    unscannable.limit());
            throw new DomainException(ProblemType.ATTACHMENT_NOT_SCANNABLE, "The file could not be checked for malware whole");
        }
        if (verdict instanceof ScanVerdict.Unavailable unavailable) {
            if (refuseUnscanned) {
                LOGGER.log(System.Logger.Level.WARNING, "Upload refused: the scanner is out of reach ({0})", unavailable.reason());
                throw new DomainException(ProblemType.SCANNER_UNAVAILABLE, "Files cannot be checked for malware right now; try again later");
            }
            LOGGER.log(System.Logger.Level.WARNING, "Attachment {0} held as scanning: {1}", attachment.id(), unavailable.reason());
        }
        attachment.scanned(verdict);
    }

    static byte[] head(InputStream content) {
        try {
            return content.readNBytes(ContentTypes.HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException("the file could not be read", e);
        }
    }

    DomainException tooLarge() {
        return new DomainException(ProblemType.ATTACHMENT_TOO_LARGE, "The file is larger than " + maxBytes + " bytes");
    }

    static AttachmentView view(Attachment attachment, String name) {
        return new AttachmentView(attachment.id(), name, attachment.mediaType(), attachment.size(), attachment.state());
    }
}
