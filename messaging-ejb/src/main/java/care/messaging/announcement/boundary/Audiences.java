package care.messaging.announcement.boundary;

import care.messaging.announcement.control.AnnouncementQueue;
import care.messaging.announcement.entity.AnnouncementRequest;
import care.messaging.conversation.control.AnnouncementCopies;
import care.messaging.conversation.control.PracticeThreads;
import care.messaging.conversation.entity.Reach;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.Uuids;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * Who an announcement is for, checked before anything is written. A practitioner's: chosen clients (each a client of
 * the sender's practice, at most {@code messaging.announcement.max-recipients}), or every client the sender has a
 * thread with. An admin's, on behalf of the practice: every client of the practice, or the clients of chosen
 * practitioners of the practice, each reached through one thread they have with a practitioner ({@link PracticeThreads}).
 * The audiences are the role's: anyone else asking for them is refused (403 wrong-role for a practitioner asking for
 * the practice's; 400 invalid-audience for an admin asking for a practitioner's, since an admin has no threads).
 */
@Dependent
public class Audiences {

    /** An audience, checked, that writes its recipients as pending rows of the announcement. */
    public interface Audience {
        int addTo(AnnouncementQueue queue, UUID announcement);

        /** Who of it the sending rules let a copy reach now, and why not the others, without writing anything. */
        Reach reach(AnnouncementCopies copies);
    }

    record Chosen(Account me, Set<UUID> ids) implements Audience {
        public int addTo(AnnouncementQueue queue, UUID announcement) {
            return queue.addChosen(announcement, ids);
        }

        public Reach reach(AnnouncementCopies copies) {
            return copies.reach(me, ids);
        }
    }

    record MyClients(Account me) implements Audience {
        public int addTo(AnnouncementQueue queue, UUID announcement) {
            return queue.addMyClients(announcement, me.id(), me.practiceId());
        }

        public Reach reach(AnnouncementCopies copies) {
            return copies.reachOfThreads(me);
        }
    }

    /** The practice's clients, or those of the chosen practitioners (none: all), each through one of their threads. */
    record ForPractice(Account me, Set<UUID> practitioners) implements Audience {
        public int addTo(AnnouncementQueue queue, UUID announcement) {
            return queue.addForPractice(announcement, me.practiceId(), practitioners);
        }

        public Reach reach(AnnouncementCopies copies) {
            return copies.reachForPractice(me.practiceId(), practitioners);
        }
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    @ConfigProperty(name = "messaging.announcement.max-recipients", defaultValue = "500")
    int maxRecipients;

    public Audience of(Account me, AnnouncementRequest request) {
        var audience = request.audienceOrDefault();
        var forPractice = AnnouncementRequest.PRACTICE.equals(audience) || AnnouncementRequest.PRACTITIONERS.equals(audience);
        if (me.role() == Role.ADMIN) {
            if (!forPractice) {
                throw new DomainException(ProblemType.INVALID_AUDIENCE, "An admin announces to practice or practitioners");
            }
            return AnnouncementRequest.PRACTICE.equals(audience) ? new ForPractice(me, Set.of()) : practitioners(me, request);
        }
        if (forPractice) {
            throw new DomainException(ProblemType.WRONG_ROLE, "Only an admin announces on behalf of the practice");
        }
        return switch (audience) {
            case AnnouncementRequest.CHOSEN -> chosen(me, request);
            case AnnouncementRequest.MY_CLIENTS -> new MyClients(me);
            default -> throw new DomainException(ProblemType.INVALID_AUDIENCE, "audience must be chosen or my-clients");
        };
    }

    /** The chosen practitioners, each once; every one must be a practitioner of the admin's practice, or nothing is sent. */
    Audience practitioners(Account me, AnnouncementRequest request) {
        var practitionerIds = request.practitionerIds();
        if (practitionerIds == null || practitionerIds.isEmpty()) {
            throw new DomainException(ProblemType.INVALID_RECIPIENTS, "Choose at least one practitioner");
        }
        if (practitionerIds.size() > maxRecipients) {
            throw new DomainException(ProblemType.TOO_MANY_RECIPIENTS, "An announcement goes to the clients of at most "
                    + maxRecipients + " chosen practitioners; choose the whole practice instead");
        }
        var ids = new TreeSet<UUID>();
        for (var value : practitionerIds) {
            ids.add(Uuids.orInvalid(value, ProblemType.INVALID_PRACTITIONER_ID, "practitionerIds must hold practitioners' ids"));
        }
        var found = em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class).setParameter("ids", ids)
                .getResultStream().filter(a -> a.role() == Role.PRACTITIONER && a.practiceId().equals(me.practiceId())).count();
        if (found != ids.size()) {
            throw new DomainException(ProblemType.UNKNOWN_PRACTITIONER, "One of the practitioners is not a practitioner of this practice");
        }
        return new ForPractice(me, ids);
    }

    /**
     * The chosen clients, each once, in a fixed order; every one must be a client of the caller's practice, or nothing
     * is sent.
     */
    Audience chosen(Account me, AnnouncementRequest request) {
        var clientIds = request.clientIds();
        if (clientIds == null || clientIds.isEmpty()) {
            throw new DomainException(ProblemType.INVALID_RECIPIENTS, "Choose at least one client");
        }
        if (clientIds.size() > maxRecipients) {
            throw new DomainException(ProblemType.TOO_MANY_RECIPIENTS, "An announcement goes to at most " + maxRecipients
                    + " chosen clients; choose all your clients instead");
        }
        var ids = new TreeSet<UUID>();
        for (var value : clientIds) {
            ids.add(Uuids.orInvalid(value, ProblemType.INVALID_CLIENT_ID, "clientIds must hold clients' ids"));
        }
        var found = em.createQuery("SELECT c FROM Client c WHERE c.id IN :ids", Client.class).setParameter("ids", ids)
                .getResultStream().filter(client -> client.belongsTo(me.practiceId())).count();
        if (found != ids.size()) {
            throw new DomainException(ProblemType.UNKNOWN_RECIPIENT, "One of the recipients is not a client of this practice");
        }
        return new Chosen(me, ids);
    }
}
