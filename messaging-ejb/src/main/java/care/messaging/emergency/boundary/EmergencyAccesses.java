package care.messaging.emergency.boundary;

import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.conversation.control.Participation;
import care.messaging.conversation.entity.Conversation;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Role;
import care.messaging.emergency.control.EmergencyAccess;
import care.messaging.emergency.entity.EmergencyAccessView;
import care.messaging.platform.entity.Identity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

/**
 * Break-glass use cases: an admin opens a conversation of their practice, and who may see that it
 * happened sees every such access. The reads a grant allows are the conversation's own
 * (Conversations.messages, audited as emergency reads), which ask this component through BreakGlass.
 */
@Stateless
public class EmergencyAccesses {

    @Inject
    Accounts accounts;
    @Inject
    Participation participation;
    @Inject
    EmergencyAccess emergencyAccess;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** An admin opens a conversation of their practice for a stated reason, for a limited time. */
    @Attempts(Action.EMERGENCY_GRANT)
    public EmergencyAccessView grant(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId,
                                     String reason) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var conversation = participation.inPractice(admin, conversationId);
        var grant = emergencyAccess.grant(admin, conversation, reason, now());
        audit.record(admin.actor(), Action.EMERGENCY_GRANT, SUCCESS, targets(conversation));
        return grant;
    }

    /** Every emergency access to a conversation, for its practitioner and the practice's admins. */
    @Attempts(Action.EMERGENCY_LIST)
    public List<EmergencyAccessView> list(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER, Role.ADMIN));
        var conversation = me.role() == Role.ADMIN
                ? participation.inPractice(me, conversationId)
                : participation.conversationOf(me, conversationId);
        var grants = emergencyAccess.list(conversation.id(), now());
        audit.record(me.actor(), Action.EMERGENCY_LIST, SUCCESS, targets(conversation));
        return grants;
    }

    static Targets targets(Conversation conversation) {
        return Targets.conversation(conversation.id(), conversation.clientId());
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
