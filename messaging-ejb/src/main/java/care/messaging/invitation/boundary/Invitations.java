package care.messaging.invitation.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.Bindings;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.invitation.control.FirstSignIns;
import care.messaging.invitation.control.Invitees;
import care.messaging.invitation.entity.Invitation;
import care.messaging.invitation.entity.InvitationCode;
import care.messaging.invitation.entity.InvitationView;
import care.messaging.invitation.entity.Redemption;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.StoredTime;
import care.messaging.settings.control.SettingsNotifications;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An admin invites an account of the practice that has not signed up, looks at its invitation, withdraws it;
 * the invited person redeems the code with their provider's verified token, which binds their subject to
 * the account. Inviting again revokes the open invitation and makes a new code.
 */
@Stateless
public class Invitations {

    @Inject
    Accounts accounts;
    @Inject
    Invitees invitees;
    @Inject
    Bindings bindings;
    @Inject
    SettingsNotifications notifications;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    FirstSignIns firstSignIns;
    @Inject
    @ConfigProperty(name = "messaging.identity.bind-by-verified-email", defaultValue = "false")
    boolean bindByVerifiedEmail;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.INVITATION_CREATE)
    public InvitationView invite(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String accountId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var account = invitees.notSignedUp(admin, accountId);
        var issued = invitees.issue(account, admin, StoredTime.now(clock));
        audit.record(admin.actor(), Action.INVITATION_CREATE, SUCCESS, Targets.account(account.id()));
        return view(account, issued.invitation(), issued.code());
    }

    @Attempts(Action.INVITATION_READ)
    public InvitationView current(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String accountId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var account = invitees.of(admin, accountId);
        var invitation = invitees.open(account).filter(i -> !account.isSignedUp()).orElseThrow(DomainException::notFound);
        return view(account, invitation, null);
    }

    @Attempts(Action.INVITATION_REVOKE)
    public void revoke(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String accountId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var account = invitees.of(admin, accountId);
        invitees.open(account).orElseThrow(DomainException::notFound).revoke(StoredTime.now(clock));
        audit.record(admin.actor(), Action.INVITATION_REVOKE, SUCCESS, Targets.account(account.id()));
    }

    @Attempts(Action.INVITATION_REDEEM)
    public Redemption redeem(Identity identity, String code) {
        bindings.newcomer(identity);
        var invitation = invitees.byCode(new InvitationCode(code));
        var now = StoredTime.now(clock);
        invitation.redeem(now);
        var account = bindings.bind(invitation.accountId(), identity, now);
        notifications.ofPortalAccount(account.id());
        audit.record(account.actor(), Action.INVITATION_REDEEM, SUCCESS, Targets.account(account.id()));
        return new Redemption(account.id(), Invitees.app(account));
    }

    /**
     * A token whose subject has no account yet binds without a code to the one prepared account its verified e-mail
     * (when {@code messaging.identity.bind-by-verified-email} is on) or its mapped claim names; none or several:
     * the same 401 unknown-account as before. An open invitation of the bound account is used up.
     */
    @Attempts(Action.SIGN_IN_BIND)
    public Redemption bindOnFirstSignIn(Identity identity) {
        var subject = bindings.newcomer(identity);
        if (!em.createNamedQuery(Account.BY_SUBJECT, Account.class).setParameter("subject", subject).getResultList().isEmpty()) {
            throw new PolicyRefusal(ProblemType.ALREADY_SIGNED_UP, "This sign-in is already linked to an account");
        }
        var candidate = firstSignIns.candidate(identity, bindByVerifiedEmail)
                .orElseThrow(() -> new DomainException(ProblemType.UNKNOWN_ACCOUNT, "The token's subject has no account"));
        var now = StoredTime.now(clock);
        var account = bindings.bind(candidate.id(), identity, now);
        invitees.open(account).ifPresent(open -> open.settle(now));
        notifications.ofPortalAccount(account.id());
        audit.record(account.actor(), Action.SIGN_IN_BIND, SUCCESS, Targets.account(account.id()));
        return new Redemption(account.id(), Invitees.app(account));
    }

    InvitationView view(Account account, Invitation invitation, InvitationCode code) {
        return Invitees.view(account, invitation, code, StoredTime.now(clock));
    }
}
