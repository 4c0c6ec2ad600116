package care.messaging.conversation.control;

import care.messaging.conversation.entity.Author;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.MessagePosted;
import care.messaging.conversation.entity.Reach;
import care.messaging.conversation.entity.SanitizedHtml;
import care.messaging.conversation.entity.Sending;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Practice;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * The conversation component's part of an announcement: whether a client can receive one, and writing
 * one recipient's copy into their thread with the practitioner — a message like any other (the thread
 * opened if needed and locked, the sender's messaging name, sealed, indexed through MessagePosted,
 * pushed), marked as the announcement's; or, for an admin's announcement on behalf of the practice, the same copy in the
 * client's thread with a practitioner of the practice, under the practice's name. The sender's own state of the thread is left as it was (see ParticipantStates.SENT).
 */
@Dependent
public class AnnouncementCopies {

    public record Copy(UUID conversationId, UUID messageId) {
    }

    @Inject
    SendingRules rules;
    @Inject
    PracticeThreads practiceThreads;
    @Inject
    ConversationStarts starts;
    @Inject
    Participation participation;
    @Inject
    Bodies bodies;
    @Inject
    ParticipantStates states;
    @Inject
    Event<MessagePosted> posted;
    @Inject
    Notifications notifications;
    @PersistenceContext
    EntityManager em;

    /** Refuses (409 messaging-off) unless the practice's switch is on. */
    public void requirePracticeMessaging(Account sender) {
        rules.requirePracticeMessaging(sender.practiceId());
    }

    /**
     * What the practitioner's side may do towards the client now: a block does not matter here (it stops
     * only the client side); the client's switch and a discharge do.
     */
    public Sending sending(Account sender, Client client) {
        return Sending.of(rules.between(sender.id(), client.id()), false);
    }

    /** What {@link #sending} would answer for each of these clients now, counted in one statement: the dialog's preview. */
    public Reach reach(Account sender, Collection<UUID> clientIds) {
        return rules.practitionerReach(sender.id(), clientIds);
    }

    /** The same for every client the sender has a thread with (the audience my-clients). */
    public Reach reachOfThreads(Account sender) {
        return rules.practitionerReachOfThreads(sender.id(), sender.practiceId());
    }

    /** The same for an admin's announcement on behalf of the practice (the clients of the chosen practitioners; none: all). */
    public Reach reachForPractice(UUID practiceId, Collection<UUID> practitioners) {
        return practiceThreads.reach(practiceId, practitioners);
    }

    public Copy write(Account sender, UUID announcement, Client client, SanitizedHtml body, OffsetDateTime at) {
        return write(sender, null, announcement, client, body, at);
    }

    /**
     * An admin's copy on behalf of the practice: in the client's thread with {@code practitioner}, checked as that
     * practitioner's send would be, written by the admin under the practice's name and labelled for the practice.
     */
    public Copy writeForPractice(Account admin, Account practitioner, UUID announcement, Client client, SanitizedHtml body,
                                 OffsetDateTime at) {
        return write(practitioner, admin, announcement, client, body, at);
    }

    Copy write(Account practitioner, Account admin, UUID announcement, Client client, SanitizedHtml body, OffsetDateTime at) {
        var started = starts.start(practitioner, client.id().toString(), at);
        var conversation = em.find(Conversation.class, started.id());
        if (started.created()) {
            notifications.started(conversation);
        }
        em.refresh(conversation, LockModeType.PESSIMISTIC_WRITE);
        var author = participation.authorFor(practitioner, conversation);
        if (admin != null) {
            author = new Author(admin.id(), em.find(Practice.class, admin.practiceId()).name(), false);
        }
        var message = bodies.post(conversation, author, copyId(announcement, client.id()), body, at);
        message.deliver(announcement);
        if (admin != null) {
            message.speakForPractice();
        }
        em.persist(message);
        em.flush();
        // EclipseLink binds a NULL uuid as varchar on INSERT, which PostgreSQL refuses: the column is not
        // insertable through JPA and is set here, in the same transaction.
        em.createNativeQuery("UPDATE message SET announcement_id = ?1, for_practice = ?3 WHERE id = ?2")
                .setParameter(1, announcement).setParameter(2, message.id()).setParameter(3, admin != null).executeUpdate();
        states.messageSent(conversation, message);
        posted.fire(new MessagePosted(conversation, message, body.html()));
        notifications.messageCreated(conversation, message);
        return new Copy(conversation.id(), message.id());
    }

    /** Each copy's clientMessageId is derived from the announcement's: unique per sender, the same on a retry. */
    static UUID copyId(UUID announcement, UUID client) {
        return UUID.nameUUIDFromBytes(("announcement:" + announcement + ":" + client).getBytes(StandardCharsets.UTF_8));
    }
}
