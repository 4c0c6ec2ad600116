package care.messaging.announcement.boundary;

import static care.messaging.audit.entity.Outcome.REPLAYED;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.announcement.control.AnnouncementBatch;
import care.messaging.announcement.control.AnnouncementLog;
import care.messaging.announcement.control.AnnouncementQueue;
import care.messaging.announcement.entity.AnnouncementPreview;
import care.messaging.announcement.entity.AnnouncementQueued;
import care.messaging.announcement.entity.AnnouncementRequest;
import care.messaging.announcement.entity.AnnouncementView;
import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.conversation.control.AnnouncementCopies;
import care.messaging.conversation.control.MessageFiles;
import care.messaging.conversation.control.RichText;
import care.messaging.conversation.control.SendLocks;
import care.messaging.conversation.control.SendRate;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.Outcome;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.StoredTime;
import care.messaging.platform.entity.Uuids;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announcements: a practitioner writes once to several of their practice's clients (a payment reminder, the office
 * closed on Monday) — chosen ones, or every client they have a thread with — now or at a time they choose, and each
 * client gets it as a message in their one thread with the practitioner, marked as an announcement, live, encrypted,
 * searchable and deletable like any message. A block stops only what a client writes, so blocked clients receive
 * announcements; a client whose messaging is switched off, or who was discharged, is skipped and the answer says so.
 * <p>
 * The request writes the announcement, its sealed text and every recipient as pending, and (when it starts now)
 * delivers the first batch in its own transaction, so a small announcement answers done, as before; the rest is
 * delivered in the background by {@link AnnouncementTimers}, a batch and a commit at a time, on whichever node. The
 * announcement id is chosen by the app, so a retry (same id) sends nothing again and answers where it stands.
 * <p>
 * An admin announces the same way on behalf of the practice, to the audiences only an admin has ({@link Audiences}):
 * each copy goes into a thread the client has with a practitioner, under the practice's name.
 */
@Stateless
public class Announcements {

    @Inject
    Accounts accounts;
    @Inject
    RichText richText;
    @Inject
    SendLocks sends;
    @Inject
    SendRate rate;
    @Inject
    AnnouncementCopies copies;
    @Inject
    AnnouncementLog log;
    @Inject
    AnnouncementQueue queue;
    @Inject
    AnnouncementBatch batch;
    @Inject
    Audiences audiences;
    @Inject
    RowCipher cipher;
    @Inject
    MessageFiles messageFiles;
    @Inject
    AuditTrail audit;
    @Inject
    Event<AnnouncementQueued> queued;
    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "messaging.announcement.batch-size", defaultValue = "100")
    int batchSize;

    @Attempts(Action.ANNOUNCEMENT_SEND)
    public Outcome<AnnouncementView> send(Identity identity, AnnouncementRequest request) {
        var me = sender(identity);
        var id = Uuids.orInvalid(request.announcementId(), ProblemType.INVALID_ANNOUNCEMENT_ID, "announcementId must be a UUID");
        var body = richText.sanitize(request.html());
        var audience = audiences.of(me, request);
        var files = messageFiles.parse(request.attachments());
        if (files.size() > 1) {
            throw new DomainException(ProblemType.TOO_MANY_ATTACHMENTS, "An announcement carries one file at most");
        }
        var at = now();
        var start = request.start(clock);
        sends.lock(me.id(), id);
        var earlier = log.find(id);
        if (earlier.isPresent()) {
            if (!earlier.get().senderId().equals(me.id())) {
                throw new DomainException(ProblemType.ANNOUNCEMENT_ID_REUSED, "This announcementId was already used");
            }
            audit.record(me.actor(), Action.ANNOUNCEMENT_SEND, REPLAYED, Targets.none());
            return new Outcome<>(log.view(id), false);
        }
        copies.requirePracticeMessaging(me);
        rate.take(me.id());
        var startsAt = start.orElse(at);
        queue.open(id, me.practiceId(), me.id(), at, startsAt, request.timeZone(), start.isPresent(),
                cipher.seal(EncryptedColumn.ANNOUNCEMENT_BODY, id, body.html()), me.role() == Role.ADMIN);
        messageFiles.attachToAnnouncement(me, id, messageFiles.claim(me, files));
        var total = audience.addTo(queue, id);
        if (total == 0) {
            throw new DomainException(ProblemType.INVALID_RECIPIENTS, "You have no clients to announce to");
        }
        if (start.isEmpty()) {
            batch.deliver(id, Math.max(1, batchSize), at);
        }
        queued.fire(new AnnouncementQueued(startsAt.toInstant()));
        return new Outcome<>(log.view(id), true);
    }

    /**
     * How many of an audience (the same fields and checks as a send) an announcement sent now would reach, and how many
     * would be skipped and why; nothing is written but the audit row. Counted by one statement over the audience.
     */
    @Attempts(Action.ANNOUNCEMENT_PREVIEW)
    public AnnouncementPreview preview(Identity identity, AnnouncementRequest request) {
        var me = sender(identity);
        var reach = audiences.of(me, request).reach(copies);
        if (reach.total() == 0) {
            throw new DomainException(ProblemType.INVALID_RECIPIENTS, "You have no clients to announce to");
        }
        audit.record(me.actor(), Action.ANNOUNCEMENT_PREVIEW, SUCCESS, Targets.none());
        return new AnnouncementPreview(reach.total(), reach.allowed(), reach.refused());
    }

    /** One of the caller's announcements: where it stands, with its recipients so far. */
    @Attempts(Action.ANNOUNCEMENT_READ)
    public AnnouncementView one(Identity identity, String announcementId) {
        var me = sender(identity);
        var id = own(me, announcementId);
        audit.record(me.actor(), Action.ANNOUNCEMENT_READ, SUCCESS, Targets.none());
        return log.view(id);
    }

    /** A scheduled announcement's new text and start (409 announcement-started once its delivery has begun). */
    @Attempts(Action.ANNOUNCEMENT_EDIT)
    public AnnouncementView edit(Identity identity, String announcementId, AnnouncementRequest request) {
        var me = sender(identity);
        var id = own(me, announcementId);
        var body = richText.sanitize(request.html());
        var start = request.start(clock).orElseThrow(() -> new DomainException(ProblemType.INVALID_SEND_AT,
                "sendAt is required to change a scheduled announcement; cancel it to send nothing"));
        var job = queue.forChange(id).orElseThrow(DomainException::notFound);
        switch (job.state()) {
            case "scheduled" -> queue.reschedule(id, cipher.seal(EncryptedColumn.ANNOUNCEMENT_BODY, id, body.html()), start, request.timeZone());
            case "running" -> throw new DomainException(ProblemType.ANNOUNCEMENT_STARTED, "The announcement has started; cancel it instead");
            default -> throw over();
        }
        audit.record(me.actor(), Action.ANNOUNCEMENT_EDIT, SUCCESS, Targets.none());
        queued.fire(new AnnouncementQueued(start.toInstant()));
        return log.view(id);
    }

    /** Stops a scheduled or running announcement: what was delivered stays, nobody else gets it. */
    @Attempts(Action.ANNOUNCEMENT_CANCEL)
    public AnnouncementView cancel(Identity identity, String announcementId) {
        var me = sender(identity);
        var id = own(me, announcementId);
        queue.forChange(id).orElseThrow(DomainException::notFound);
        if (!queue.cancel(id, now())) {
            throw over();
        }
        audit.record(me.actor(), Action.ANNOUNCEMENT_CANCEL, SUCCESS, Targets.none());
        batch.progress(me, id);
        return log.view(id);
    }

    /** The caller's latest announcements, scheduled ones included, newest first, with where each stands. */
    @Attempts(Action.ANNOUNCEMENT_LIST)
    public List<AnnouncementView> sent(Identity identity) {
        var me = sender(identity);
        var sent = log.sentBy(me.id(), 50);
        audit.record(me.actor(), Action.ANNOUNCEMENT_LIST, SUCCESS, Targets.none());
        return sent;
    }

    Account sender(Identity identity) {
        // an admin announces on behalf of the practice, to the audiences only an admin has (Audiences)
        return accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER, Role.ADMIN));
    }

    /** The id of one of the caller's announcements; anyone else's is not found. */
    UUID own(Account me, String announcementId) {
        var id = Uuids.parse(announcementId).orElseThrow(DomainException::notFound);
        log.find(id).filter(sent -> sent.senderId().equals(me.id())).orElseThrow(DomainException::notFound);
        return id;
    }

    static DomainException over() {
        return new DomainException(ProblemType.ANNOUNCEMENT_OVER, "The announcement was delivered to everyone or cancelled already");
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
