package care.messaging.conversation.control;

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
 */
@Dependent
public class Participation {

    @PersistenceContext
    EntityManager em;

    /** How the caller may read a conversation: as a participant, or as an admin under emergency access. */
    public record Reading(Conversation conversation, boolean emergency) {
    }

    @Inject
    EmergencyAccess emergencyAccess;

    public Conversation conversationOf(Account account, String conversationId) {
        var conversation = inPractice(account, conversationId);
        authorFor(account, conversation);
        return conversation;
    }

    /** Participants read; an admin reads only while an emergency access of theirs is active. */
    public Reading reading(Account account, String conversationId, OffsetDateTime at) {
        var conversation = inPractice(account, conversationId);
        if (account.role() == Role.ADMIN) {
            if (emergencyAccess.active(account, conversation.id(), at)) {
                return new Reading(conversation, true);
            }
            throw DomainException.notFound();
        }
        authorFor(account, conversation);
        return new Reading(conversation, false);
    }

    /** Any conversation of the caller's practice; nothing else exists for them. */
    public Conversation inPractice(Account account, String conversationId) {
        var conversation = em.find(Conversation.class, parse(conversationId));
        if (conversation == null || !conversation.practiceId().equals(account.practiceId())) {
            throw DomainException.notFound();
        }
        return conversation;
    }

    /** The author a participant writes as; a guardian is named as the guardian of the child. */
    public Author authorFor(Account account, Conversation conversation) {
        if (account.id().equals(conversation.practitionerId())) {
            return new Author(account.id(), account.displayName(), false);
        }
        List<?> relationships = em.createNativeQuery(
                        "SELECT relationship FROM client_account WHERE client_id = ?1 AND account_id = ?2")
                .setParameter(1, conversation.clientId())
                .setParameter(2, account.id())
                .getResultList();
        if (relationships.isEmpty()) {
            throw DomainException.notFound();
        }
        var relationship = relationships.get(0);
        if ("guardian".equals(relationship)) {
            var child = em.find(Client.class, conversation.clientId());
            return new Author(account.id(), account.displayName() + ", guardian of " + child.displayName(), true);
        }
        return new Author(account.id(), account.displayName(), true);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.notFound();
        }
    }
}
