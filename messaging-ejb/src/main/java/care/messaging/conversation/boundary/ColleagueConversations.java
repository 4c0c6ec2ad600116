package care.messaging.conversation.boundary;

import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.platform.entity.Outcome;
import care.messaging.conversation.control.ConversationStarts;
import care.messaging.conversation.control.Inbox;
import care.messaging.conversation.control.Notifications;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;

/**
 * Practitioner-to-practitioner conversations within a practice. Only starting one is
 * its own use case: once open, a colleague conversation is read, written, marked, archived, drafted and
 * searched through the same boundaries as a client's (Participation knows its two practitioners).
 */
@Stateless
public class ColleagueConversations {

    @Inject
    Accounts accounts;
    @Inject
    ConversationStarts starts;
    @Inject
    Inbox inbox;
    @Inject
    Notifications notifications;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    /** Starts (created) or finds the conversation with another enabled practitioner of the caller's practice. */
    @Attempts(Action.CONVERSATION_START)
    public Outcome<ConversationSummary> start(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String practitionerId) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER));
        var started = starts.startColleague(me, practitionerId, StoredTime.now(clock));
        var conversation = em.find(Conversation.class, started.id());
        if (started.created()) {
            notifications.started(conversation);
        }
        var summary = inbox.one(me, started.id());
        audit.record(me.actor(), Action.CONVERSATION_START, SUCCESS,
                new Targets(started.id(), null, null, summary.counterpart().id()));
        return new Outcome<>(summary, started.created());
    }
}
