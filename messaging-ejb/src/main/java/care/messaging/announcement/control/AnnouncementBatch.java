package care.messaging.announcement.control;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.announcement.entity.AnnouncementView;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.conversation.control.AnnouncementCopies;
import care.messaging.conversation.control.RichText;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.delivery.control.EventLog;
import care.messaging.delivery.entity.Event;
import care.messaging.delivery.entity.PendingEvent;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.platform.control.JsonObjects;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One batch of an announcement's delivery, in the caller's transaction: the announcement held FOR SHARE, up to
 * {@code size} pending recipients claimed, each either given their copy through the one path every announcement copy
 * takes ({@link AnnouncementCopies}: the sending rules of that client now, the thread locked, the copy sealed,
 * indexed, pushed and audited) or skipped with the rule's reason; then the announcement is done if nobody waits, and
 * the sender is told where it stands. A sender switched off by an admin sends nothing more: the rest is cancelled.
 */
@Dependent
public class AnnouncementBatch {

    /** What the batch did: whether anybody still waits, and the state after it. */
    public record Result(boolean more, String state) {
    }

    @Inject
    AnnouncementQueue queue;
    @Inject
    AnnouncementLog log;
    @Inject
    AnnouncementCopies copies;
    @Inject
    RichText richText;
    @Inject
    RowCipher cipher;
    @Inject
    AuditTrail audit;
    @Inject
    EventLog events;
    @PersistenceContext
    EntityManager em;

    public Result deliver(UUID id, int size, OffsetDateTime now) {
        var job = queue.forBatch(id).orElse(null);
        if (job == null || !"running".equals(job.state())) {
            return new Result(false, job == null ? "gone" : job.state());
        }
        var sender = em.find(Account.class, job.senderId());
        if (!sender.isEnabled()) {
            queue.cancel(id, now);
            progress(sender, id);
            return new Result(false, "cancelled");
        }
        var body = richText.sanitize(cipher.open(EncryptedColumn.ANNOUNCEMENT_BODY, id, job.body()));
        var claimed = queue.claim(id, size);
        if (!claimed.isEmpty()) {
            // the batch's clients in one query, into the persistence context, so each em.find below reads no row
            em.createQuery("SELECT c FROM Client c WHERE c.id IN :ids", Client.class).setParameter("ids", claimed).getResultList();
        }
        // on behalf of the practice: each copy goes into the thread its recipient row names, checked as that practitioner's
        var threads = job.forPractice() && !claimed.isEmpty() ? queue.threadsOf(id, claimed) : Map.<UUID, UUID>of();
        for (var clientId : claimed) {
            var client = em.find(Client.class, clientId);
            var via = job.forPractice() ? em.find(Account.class, threads.get(clientId)) : sender;
            var sending = copies.sending(via, client);
            if (sending.allowed()) {
                var copy = job.forPractice() ? copies.writeForPractice(sender, via, id, client, body, now)
                        : copies.write(sender, id, client, body, now);
                queue.delivered(id, clientId, copy.conversationId(), copy.messageId());
                audit.record(sender.actor(), job.forPractice() ? Action.ANNOUNCEMENT_SEND_FOR_PRACTICE : Action.ANNOUNCEMENT_SEND, SUCCESS,
                        Targets.conversation(copy.conversationId(), clientId).withMessage(copy.messageId()));
            } else {
                queue.skipped(id, clientId, sending.reason());
            }
        }
        var done = queue.finishIfDelivered(id, now);
        var view = progress(sender, id);
        return new Result(!done && view.pending() > 0, view.state());
    }

    /** The sender's devices learn where the announcement stands (counts only, no text, no names). */
    public AnnouncementView progress(Account sender, UUID id) {
        var view = log.summary(id);
        var facts = JsonObjects.builder().add("announcementId", id.toString()).add("state", view.state())
                .add("total", view.total()).add("delivered", view.delivered()).add("skipped", view.skipped()).build();
        events.batch().add(sender.id(), new PendingEvent(Event.ANNOUNCEMENT_PROGRESS, null, null, null, facts)).append();
        return view;
    }
}
