package care.messaging.conversation.control;

import care.messaging.conversation.entity.Author;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.conversation.entity.MessagePosted;
import care.messaging.directory.entity.Account;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The out-of-office reply to a message that was just posted, in the same transaction and under the same lock of
 * the conversation's row: so every send to one thread meets the replies before it, the check "not answered in
 * this period yet" and the record that it was cannot interleave with another send's, and the reply commits with
 * the message that asked for it or not at all. Only a message from the other side asks: a client's (or
 * guardian's), or a colleague's where the period covers colleagues; never the practitioner's own, an announcement
 * or an automatic reply. The reply is a message like others (sealed, indexed, pushed) from the practitioner, marked
 * as automatic; their own state of the thread stays as it was, and it counts as unread only for the other side.
 */
@Dependent
public class AutomaticReplies {

    @Inject
    OutOfOfficeReplies outOfOffice;
    @Inject
    Bodies bodies;
    @Inject
    RichText richText;
    @Inject
    ParticipantStates states;
    @Inject
    Event<MessagePosted> posted;
    @Inject
    Notifications notifications;
    @PersistenceContext
    EntityManager em;

    /** The practitioner and their reply, once sent. */
    public record Sent(Account practitioner, Message message) {
    }

    public Optional<Sent> answer(Conversation conversation, Message asked, OffsetDateTime at) {
        if (!asked.writtenInThread() || !asked.isFromClient() && !conversation.isColleague()) {
            return Optional.empty();
        }
        var recipient = conversation.isColleague()
                ? (asked.senderId().equals(conversation.practitionerId()) ? conversation.colleagueId() : conversation.practitionerId())
                : conversation.practitionerId();
        return outOfOffice.due(recipient, conversation.id(), conversation.isColleague(), at).map(due -> {
            var practitioner = em.find(Account.class, recipient);
            var author = new Author(recipient, practitioner.messagingName(), conversation.secondSide(recipient, false));
            var body = richText.sanitize(due.html());
            var reply = bodies.post(conversation, author, replyId(due.period(), conversation.id()), body, at);
            reply.answerAutomatically();
            em.persist(reply);
            em.flush();
            em.createNativeQuery("UPDATE message SET automatic_reply = true WHERE id = ?1").setParameter(1, reply.id()).executeUpdate();
            outOfOffice.replied(due, conversation.id(), reply.id(), at);
            states.messageSent(conversation, reply);
            posted.fire(new MessagePosted(conversation, reply, body.html()));
            notifications.messageCreated(conversation, reply);
            return new Sent(practitioner, reply);
        });
    }

    /** One per period and conversation, so (sender, clientMessageId)'s unique index refuses a second reply too. */
    static UUID replyId(UUID period, UUID conversation) {
        return UUID.nameUUIDFromBytes(("automatic-reply:" + period + ":" + conversation).getBytes(StandardCharsets.UTF_8));
    }
}
