package care.messaging.conversation.control;

import care.messaging.platform.entity.Uuids;
import care.messaging.conversation.entity.Author;
import care.messaging.conversation.entity.Conversation;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Who may take part in a conversation: its practitioner, and the portal accounts acting for its client
 * (the client, or a minor's guardians). Everyone else is told the conversation does not exist.
 * <p>
 * A discharged client (client.enabled = false) takes effect on the next request, whatever tokens say:
 * their portal accounts lose the conversation as if it were anyone else's (404), while the practitioner
 * keeps reading it, since the record is kept, but can no longer write in it (409 client-discharged).
 * The messaging settings (practice and client switches, block lists) refuse writing the same way, through
 * {@link SendingRules}, and never reading.
 */
@Dependent
public class Participation {

    @PersistenceContext
    EntityManager em;

    /** How the caller may read a conversation: as a participant, or as an admin under emergency access. */
    public record Reading(Conversation conversation, boolean emergency) {
    }

    @Inject
    BreakGlass breakGlass;
    @Inject
    SendingRules rules;

    /** The conversation, if the account takes part in it (a discharged client's portal accounts no longer do). */
    public Conversation conversationOf(Account account, String conversationId) {
        var conversation = inPractice(account, conversationId);
        if (conversation.isColleague()) {
            if (!conversation.hasColleague(account.id())) {
                throw DomainException.notFound();
            }
        } else if (!account.id().equals(conversation.practitionerId())) {
            portalRelationship(account, conversation, clientOf(conversation));
        }
        return conversation;
    }

    /** Participants read; an admin reads only while an emergency access of theirs is active. */
    public Reading reading(Account account, String conversationId, OffsetDateTime at) {
        if (account.role() == Role.ADMIN) {
            var conversation = inPractice(account, conversationId);
            if (breakGlass.active(account, conversation.id(), at)) {
                return new Reading(conversation, true);
            }
            throw DomainException.notFound();
        }
        return new Reading(conversationOf(account, conversationId), false);
    }

    /** Any conversation of the caller's practice; nothing else exists for them. */
    public Conversation inPractice(Account account, String conversationId) {
        var conversation = em.find(Conversation.class, parse(conversationId));
        if (conversation == null || !conversation.practiceId().equals(account.practiceId())) {
            throw DomainException.notFound();
        }
        return conversation;
    }

    /**
     * The author a participant writes as, if the messaging settings let them write now (else a
     * PolicyRefusal naming why). A practitioner sends under their messaging name; a guardian is named as
     * the guardian of the child.
     */
    public Author authorFor(Account account, Conversation conversation) {
        if (conversation.isColleague()) {
            if (!conversation.hasColleague(account.id())) {
                throw DomainException.notFound();
            }
            rules.colleagueSending(conversation).require();
            return new Author(account.id(), account.messagingName(), conversation.secondSide(account.id(), false));
        }
        var client = clientOf(conversation);
        if (account.id().equals(conversation.practitionerId())) {
            rules.sending(conversation, false).require();
            return new Author(account.id(), account.messagingName(), false);
        }
        var relationship = portalRelationship(account, conversation, client);
        rules.sending(conversation, true).require();
        if ("guardian".equals(relationship)) {
            return new Author(account.id(), account.displayName() + ", guardian of " + client.displayName(), true);
        }
        return new Author(account.id(), account.displayName(), true);
    }

    /** How a portal account acts for the conversation's client; not found unless it does and the client is still in care. */
    String portalRelationship(Account account, Conversation conversation, Client client) {
        List<?> relationships = em.createNativeQuery(
                        "SELECT relationship FROM client_account WHERE client_id = ?1 AND account_id = ?2")
                .setParameter(1, conversation.clientId())
                .setParameter(2, account.id())
                .getResultList();
        if (relationships.isEmpty() || !client.isEnabled()) {
            throw DomainException.notFound();
        }
        return (String) relationships.get(0);
    }

    Client clientOf(Conversation conversation) {
        return em.find(Client.class, conversation.clientId());
    }

    static UUID parse(String id) {
        return Uuids.orNotFound(id);
    }
}
