package care.messaging.conversation.boundary;

import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.conversation.control.Inbox;
import care.messaging.conversation.control.Notifications;
import care.messaging.conversation.control.Participation;
import care.messaging.conversation.control.ParticipantStates;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.platform.entity.Identity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.BiPredicate;

/**
 * How each participant files a conversation for themself: marked unread (until they read it again),
 * archived (until they take it back, they send in it, or the other side writes). Nobody else sees it.
 * Each answers the conversation as the caller's list now shows it; a repeat changes nothing and tells no
 * device, a change is pushed to the caller's other devices as conversation.changed.
 */
@Stateless
public class ConversationStates {

    @Inject
    Accounts accounts;
    @Inject
    Participation participation;
    @Inject
    ParticipantStates states;
    @Inject
    Inbox inbox;
    @Inject
    Notifications notifications;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Attempts(Action.CONVERSATION_MARK_UNREAD)
    public ConversationSummary markUnread(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId) {
        return file(identity, conversationId, Action.CONVERSATION_MARK_UNREAD, states::markUnread);
    }

    @Attempts(Action.CONVERSATION_ARCHIVE)
    public ConversationSummary archive(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId) {
        var at = StoredTime.now(clock);
        return file(identity, conversationId, Action.CONVERSATION_ARCHIVE, (conversation, me) -> states.archive(conversation, me, at));
    }

    @Attempts(Action.CONVERSATION_UNARCHIVE)
    public ConversationSummary unarchive(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId) {
        return file(identity, conversationId, Action.CONVERSATION_UNARCHIVE, states::unarchive);
    }

    /** The caller files a conversation for themself: change their state, tell their devices if it moved, audit. */
    ConversationSummary file(Identity identity, String conversationId, Action action, BiPredicate<Conversation, Account> change) {
        var me = accounts.authenticate(identity);
        var conversation = participation.conversationOf(me, conversationId);
        if (change.test(conversation, me)) {
            notifications.stateChanged(conversation, me);
        }
        var summary = inbox.one(me, conversation.id());
        audit.record(me.actor(), action, SUCCESS, Conversations.targets(conversation));
        return summary;
    }
}
