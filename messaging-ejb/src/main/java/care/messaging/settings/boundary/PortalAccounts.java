package care.messaging.settings.boundary;

import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.settings.control.SettingsNotifications;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.PortalAccountList;
import care.messaging.directory.entity.Account;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.settings.control.Scope;
import care.messaging.directory.entity.PortalAccountView;
import care.messaging.settings.entity.Subject;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * The portal accounts acting for a client, and their activation: an admin links the identity provider's
 * {@code sub} to an account that has not signed up, so its tokens are let in from then on and it sees every
 * message that waited. A subject links to one account only, and an activation is never redone (409).
 */
@Stateless
public class PortalAccounts {

    @Inject
    Accounts accounts;
    @Inject
    PortalAccountList portalAccounts;
    @Inject
    Scope scope;
    @Inject
    SettingsNotifications notifications;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.PORTAL_ACCOUNTS_LIST)
    public List<PortalAccountView> list(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var client = scope.clientOf(admin, clientId, false);
        var list = portalAccounts.of(client.id());
        audit.record(admin.actor(), Action.PORTAL_ACCOUNTS_LIST, SUCCESS, Targets.client(client.id()));
        return list;
    }

    @Attempts(Action.PORTAL_ACTIVATE)
    public PortalAccountView activate(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId,
                                      @AuditTarget(AuditTarget.Kind.ACCOUNT) String accountId, String subject) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var client = scope.clientOf(admin, clientId, false);
        var account = scope.portalAccountOf(client, accountId);
        var sub = new Subject(subject);
        if (account.isSignedUp()) {
            throw new DomainException(ProblemType.ALREADY_SIGNED_UP, "This portal account has already signed up");
        }
        // Subjects are unique; concurrent activations with one subject serialize on this lock, so the
        // second finds the first's row instead of failing on the unique index.
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "subject:" + sub.value()).getSingleResult();
        if (!em.createNamedQuery(Account.BY_SUBJECT, Account.class).setParameter("subject", sub.value()).getResultList().isEmpty()) {
            throw new DomainException(ProblemType.SUBJECT_IN_USE, "This subject is already linked to another account");
        }
        account.signUp(sub.value(), StoredTime.now(clock));
        em.flush();
        notifications.ofPortalAccount(account.id());
        var view = portalAccounts.one(client.id(), account.id());
        audit.record(admin.actor(), Action.PORTAL_ACTIVATE, SUCCESS, new Targets(null, null, client.id(), account.id()));
        return view;
    }
}
