package care.messaging.invitation.control;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.invitation.entity.Invitation;
import care.messaging.invitation.entity.InvitationCode;
import care.messaging.invitation.entity.InvitationView;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.Uuids;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whom an admin may invite: an account of their own practice (a client, guardian, practitioner or admin)
 * that has not signed up; anything else, and any id that is not one, does not exist (404). And which
 * invitation a code names, locked, so two redemptions of one code serialize and the second sees it used.
 * Making an invitation is here too, because an admin (inviting a person of their practice) and hospital IT
 * (inviting the first admin of a practice it founds) make it the same way.
 */
@Dependent
public class Invitees {

    static final String BY_HASH = "SELECT * FROM invitation WHERE code_hash = ?1 FOR UPDATE";

    /** An invitation just made, with its code in clear: the one moment the code exists outside the invitee's hands. */
    public record Issued(Invitation invitation, InvitationCode code) {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    @ConfigProperty(name = "messaging.invitations.lifetime", defaultValue = "P7D")
    String lifetime;

    /**
     * A new invitation of an account that has not signed up, made by {@code by} (an admin, or hospital IT); the
     * account's open invitation, if any, is revoked first, as an account has one open invitation.
     */
    public Issued issue(Account account, Account by, OffsetDateTime now) {
        open(account).ifPresent(earlier -> earlier.revoke(now));
        em.flush(); // the revocation first: an account has one open invitation (invitation_open)
        var code = InvitationCode.random();
        var invitation = new Invitation(account.practiceId(), account.id(), code, by.id(), now, Duration.parse(lifetime));
        em.persist(invitation);
        return new Issued(invitation, code);
    }

    /** The invitation as its maker sees it; {@code code} only in the answer that made it, else null. */
    public static InvitationView view(Account account, Invitation invitation, InvitationCode code, OffsetDateTime now) {
        return new InvitationView(account.id(), app(account), code == null ? null : code.value(),
                invitation.createdAt(), invitation.expiresAt(), !invitation.isLive(now));
    }

    /** An account of the admin's practice, locked until commit. */
    public Account of(Account admin, String accountId) {
        var account = em.find(Account.class, Uuids.orNotFound(accountId));
        if (account == null || account.role() == Role.OPERATOR || !account.practiceId().equals(admin.practiceId())) {
            throw DomainException.notFound();
        }
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        return account;
    }

    /** The same, refused when it has signed up: an invitation would bind nothing. */
    public Account notSignedUp(Account admin, String accountId) {
        var account = of(admin, accountId);
        if (account.isSignedUp()) {
            throw new DomainException(ProblemType.ALREADY_SIGNED_UP, "This account has already signed up");
        }
        return account;
    }

    /** The account's invitation that is neither revoked nor used (it may have expired). */
    public Optional<Invitation> open(Account account) {
        return em.createNamedQuery(Invitation.OPEN_OF, Invitation.class).setParameter("account", account.id())
                .getResultStream().findFirst();
    }

    /** The invitation of a code, locked; an unknown code is 404 unknown-invitation. */
    public Invitation byCode(InvitationCode code) {
        List<?> rows = em.createNativeQuery(BY_HASH, Invitation.class).setParameter(1, code.hash()).getResultList();
        return rows.stream().map(Invitation.class::cast).findFirst()
                .orElseThrow(() -> new DomainException(ProblemType.UNKNOWN_INVITATION, "No invitation has this code"));
    }

    public static String app(Account account) {
        return account.role().isClientSide() ? "portal" : "practitioner";
    }
}
