package care.messaging.directory.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.Newcomers;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.EmailAddress;
import care.messaging.directory.entity.ExternalId;
import care.messaging.directory.entity.MemberView;
import care.messaging.directory.entity.PersonName;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.Uuids;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;

/**
 * The practice's members (practitioners and admins), for its admins: list them, add one (who then signs in by an
 * invitation, or by the claim IT maps to their external id), switch one off and on again. A switched-off member's
 * tokens are refused from their next request and their open WebSockets at their next check; their conversations stay.
 * An admin cannot switch themself off, so a practice always keeps the admin who acts.
 */
@Stateless
public class Members {

    public record NewMember(String displayName, String role, String email, String externalId) {
    }

    @Inject
    Accounts accounts;
    @Inject
    Newcomers newcomers;
    @Inject
    AuditTrail audit;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.MEMBER_LIST)
    public List<MemberView> list(Identity identity) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        return em.createQuery("SELECT a FROM Account a WHERE a.practiceId = :practice AND a.role IN :roles ORDER BY a.displayName, a.id", Account.class)
                .setParameter("practice", admin.practiceId()).setParameter("roles", List.of(Role.PRACTITIONER, Role.ADMIN))
                .getResultStream().map(MemberView::of).toList();
    }

    @Attempts(Action.MEMBER_ADD)
    public MemberView add(Identity identity, NewMember wanted) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var name = PersonName.parse(wanted.displayName());
        var role = role(wanted.role());
        var email = EmailAddress.parse(wanted.email());
        var externalId = ExternalId.parse(wanted.externalId());
        var member = newcomers.addMember(admin.practiceId(), name, role, email, externalId);
        audit.record(admin.actor(), Action.MEMBER_ADD, SUCCESS, Targets.account(member.id()));
        return MemberView.of(member);
    }

    @Attempts(Action.MEMBER_DISABLE)
    public MemberView disable(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String memberId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var member = memberOf(admin, memberId);
        if (member.id().equals(admin.id())) {
            throw new PolicyRefusal(ProblemType.CANNOT_DISABLE_SELF, "You cannot switch off your own account: another admin can");
        }
        if (member.switchOn(false)) {
            audit.record(admin.actor(), Action.MEMBER_DISABLE, SUCCESS, Targets.account(member.id()));
        }
        return MemberView.of(member);
    }

    @Attempts(Action.MEMBER_ENABLE)
    public MemberView enable(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String memberId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var member = memberOf(admin, memberId);
        if (member.switchOn(true)) {
            audit.record(admin.actor(), Action.MEMBER_ENABLE, SUCCESS, Targets.account(member.id()));
        }
        return MemberView.of(member);
    }

    /** A practitioner or admin of the admin's practice, locked until commit; anything else does not exist. */
    Account memberOf(Account admin, String memberId) {
        var member = em.find(Account.class, Uuids.orNotFound(memberId), LockModeType.PESSIMISTIC_WRITE);
        if (member == null || !member.isMember() || !member.practiceId().equals(admin.practiceId())) {
            throw DomainException.notFound();
        }
        return member;
    }

    static Role role(String given) {
        if ("practitioner".equals(given)) {
            return Role.PRACTITIONER;
        }
        if ("admin".equals(given)) {
            return Role.ADMIN;
        }
        throw new DomainException(ProblemType.INVALID_ROLE, "role must be practitioner or admin");
    }
}
