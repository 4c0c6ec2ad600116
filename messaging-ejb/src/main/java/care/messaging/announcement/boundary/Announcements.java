package care.messaging.announcement.boundary;

import care.messaging.platform.entity.Uuids;
import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.REPLAYED;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.announcement.control.AnnouncementLog;
import care.messaging.announcement.entity.AnnouncementView;
import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.platform.entity.Outcome;
import care.messaging.conversation.control.AnnouncementCopies;
import care.messaging.conversation.control.RichText;
import care.messaging.conversation.control.SendLocks;
import care.messaging.conversation.control.SendRate;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announcements: a practitioner writes once to several of their practice's clients (a payment reminder,
 * a change of hours), and each client gets it as a message in their one thread with the practitioner,
 * marked as an announcement, live, encrypted, searchable and deletable like any message. A block stops
 * only what a client writes, so blocked clients receive announcements; a client whose messaging is
 * switched off, or who was discharged, is skipped and the answer says so. One transaction: every
 * recipient gets it or nobody does. The announcement id is chosen by the app, so a retry (same id)
 * sends nothing again and answers what the first call did.
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
    AuditTrail audit;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "messaging.announcement.max-recipients", defaultValue = "500")
    int maxRecipients;

    @Attempts(Action.ANNOUNCEMENT_SEND)
    public Outcome<AnnouncementView> send(Identity identity, String announcementId, String html, List<String> clientIds) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER));
        var id = parse(announcementId, ProblemType.INVALID_ANNOUNCEMENT_ID, "announcementId must be a UUID");
        var body = richText.sanitize(html);
        var recipients = recipients(me, clientIds);
        sends.lock(me.id(), id);
        var earlier = log.find(id);
        if (earlier.isPresent()) {
            if (!earlier.get().senderId().equals(me.id())) {
                throw new DomainException(ProblemType.ANNOUNCEMENT_ID_REUSED, "This announcementId was already used");
            }
            var view = log.view(id, earlier.get().sentAt());
            audit.record(me.actor(), Action.ANNOUNCEMENT_SEND, REPLAYED, Targets.none());
            return new Outcome<>(view, false);
        }
        copies.requirePracticeMessaging(me);
        rate.take(me.id());
        var at = now();
        log.open(id, me.practiceId(), me.id(), at);
        for (var client : recipients.values()) {
            var sending = copies.sending(me, client);
            if (sending.allowed()) {
                var copy = copies.write(me, id, client, body, at);
                log.delivered(id, client.id(), copy.conversationId(), copy.messageId());
                audit.record(me.actor(), Action.ANNOUNCEMENT_SEND, SUCCESS,
                        Targets.conversation(copy.conversationId(), client.id()).withMessage(copy.messageId()));
            } else {
                log.skipped(id, client.id(), sending.reason());
            }
        }
        return new Outcome<>(log.view(id, at), true);
    }

    /** The caller's latest announcements, newest first, with what became of each recipient. */
    @Attempts(Action.ANNOUNCEMENT_LIST)
    public List<AnnouncementView> sent(Identity identity) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER));
        var sent = log.sentBy(me.id(), 50);
        audit.record(me.actor(), Action.ANNOUNCEMENT_LIST, SUCCESS, Targets.none());
        return sent;
    }

    /**
     * The chosen clients, each once, in a fixed order (so two announcements of one sender lock their
     * threads in the same order); every one must be a client of the caller's practice, or nothing is sent.
     */
    TreeMap<UUID, Client> recipients(Account me, List<String> clientIds) {
        if (clientIds == null || clientIds.isEmpty()) {
            throw new DomainException(ProblemType.INVALID_RECIPIENTS, "Choose at least one client");
        }
        if (clientIds.size() > maxRecipients) {
            throw new DomainException(ProblemType.TOO_MANY_RECIPIENTS, "An announcement goes to at most " + maxRecipients + " clients");
        }
        var ids = new TreeSet<UUID>();
        for (var value : clientIds) {
            ids.add(parse(value, ProblemType.INVALID_CLIENT_ID, "clientIds must hold clients' ids"));
        }
        var chosen = new TreeMap<UUID, Client>();
        em.createQuery("SELECT c FROM Client c WHERE c.id IN :ids", Client.class).setParameter("ids", ids).getResultStream()
                .filter(client -> client.belongsTo(me.practiceId()))
                .forEach(client -> chosen.put(client.id(), client));
        if (chosen.size() != ids.size()) {
            throw new DomainException(ProblemType.UNKNOWN_RECIPIENT, "One of the recipients is not a client of this practice");
        }
        return chosen;
    }

    static UUID parse(String value, ProblemType problem, String title) {
        return Uuids.orInvalid(value, problem, title);
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
