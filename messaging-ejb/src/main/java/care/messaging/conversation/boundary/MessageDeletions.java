package care.messaging.conversation.boundary;

import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.REPLAYED;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.conversation.control.Erasures;
import care.messaging.conversation.control.Notifications;
import care.messaging.conversation.control.Participation;
import care.messaging.conversation.control.Transcript;
import care.messaging.conversation.entity.MessageView;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * A sender deletes their own message: its text is erased for good (no key can bring it back), both sides
 * see it as deleted in its place, and everyone's devices are told. Only the sender may; the other side
 * gets 403 (they see the message, so its existence is no secret), anyone outside the conversation 404.
 * A conversation kept read-only (discharged client) keeps its messages too.
 */
@Stateless
public class MessageDeletions {

    @Inject
    Accounts accounts;
    @Inject
    Participation participation;
    @Inject
    Erasures erasures;
    @Inject
    Transcript transcript;
    @Inject
    Notifications notifications;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    /** Deletes the message; deleting it again answers the same deleted message (outcome replayed). */
    @Attempts(Action.MESSAGE_DELETE)
    public MessageView delete(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId,
                              @AuditTarget(AuditTarget.Kind.MESSAGE) String messageId) {
        var me = accounts.authenticate(identity);
        var conversation = participation.conversationOf(me, conversationId);
        var message = erasures.find(conversation, messageId);
        if (!message.sentBy(me.id())) {
            throw new DomainException(ProblemType.NOT_MESSAGE_SENDER, "Only the sender may delete a message");
        }
        participation.authorFor(me, conversation);
        // Serializes with sends (the preview) and with a concurrent delete of the same message.
        em.refresh(conversation, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(message);
        var targets = Conversations.targets(conversation).withMessage(message.id());
        if (message.isDeleted()) {
            audit.record(me.actor(), Action.MESSAGE_DELETE, REPLAYED, targets);
            return view(conversation.id(), message.seq());
        }
        erasures.erase(conversation, message, StoredTime.now(clock));
        notifications.messageDeleted(conversation, message);
        audit.record(me.actor(), Action.MESSAGE_DELETE, SUCCESS, targets);
        return view(conversation.id(), message.seq());
    }

    MessageView view(UUID conversationId, long seq) {
        return transcript.page(conversationId, seq + 1, 1).get(0);
    }
}
