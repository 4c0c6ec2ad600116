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
import care.messaging.conversation.control.SendingRules;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.Sending;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.Portals;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;

/**
 * The client side writes first: a signed-up portal account opens the conversation of a client it acts for
 * with a practitioner of its practice, if it could write there now (messaging on for the practice and the
 * client, not blocked by that practitioner). It is the same one conversation per pair that a practitioner
 * would open.
 */
@Stateless
public class PortalConversations {

    @Inject
    Accounts accounts;
    @Inject
    Portals portals;
    @Inject
    SendingRules rules;
    @Inject
    ConversationStarts starts;
    @Inject
    Notifications notifications;
    @Inject
    Inbox inbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    /** clientId may be left out by an account that acts for one client only. */
    @Attempts(Action.CONVERSATION_START)
    public Outcome<ConversationSummary> start(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String practitionerId,
                                              @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var me = accounts.authorize(identity, EnumSet.of(Role.CLIENT));
        var practitioner = portals.practitionerFor(me, practitionerId);
        var client = portals.clientActedFor(me, clientId);
        Sending.of(rules.between(practitioner.id(), client.id()), true).require();
        var started = starts.start(practitioner, client.id().toString(), StoredTime.now(clock));
        if (started.created()) {
            notifications.started(em.find(Conversation.class, started.id()));
        }
        var summary = inbox.one(me, started.id());
        audit.record(me.actor(), Action.CONVERSATION_START, SUCCESS,
                new Targets(started.id(), null, client.id(), practitioner.id()));
        return new Outcome<>(summary, started.created());
    }
}
