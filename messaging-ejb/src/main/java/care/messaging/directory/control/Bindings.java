package care.messaging.directory.control;

import care.messaging.directory.entity.Account;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Binds a verified token's subject to an account that has not signed up, inside the caller's transaction:
 * only an enabled account, only when the token carries the account's role, only a subject no other
 * account has. The account row is locked, and so is the subject (an advisory lock on its text), so two
 * bindings racing for either serialize and the second finds the first's work instead of a unique-index error.
 */
@Dependent
public class Bindings {

    @PersistenceContext
    EntityManager em;

    /** A token that may bind at all: it has a subject and some role. */
    public String newcomer(Identity identity) {
        if (identity == null || identity.subject() == null) {
            throw new DomainException(ProblemType.NOT_AUTHENTICATED, "A valid bearer token is required");
        }
        if (identity.groups().isEmpty()) {
            throw new DomainException(ProblemType.NO_ROLE, "The token carries no role");
        }
        return identity.subject();
    }

    public Account bind(UUID accountId, Identity identity, OffsetDateTime now) {
        var subject = newcomer(identity);
        var account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account.isSignedUp()) {
            throw new PolicyRefusal(ProblemType.ALREADY_SIGNED_UP, "This account has already signed up");
        }
        if (!account.isEnabled()) {
            throw new DomainException(ProblemType.ACCOUNT_DISABLED, "This account is disabled");
        }
        if (!identity.groups().contains(account.role().claim())) {
            throw new DomainException(ProblemType.WRONG_ROLE, "The token's role does not match the account");
        }
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "subject:" + subject).getSingleResult();
        if (!em.createNamedQuery(Account.BY_SUBJECT, Account.class).setParameter("subject", subject).getResultList().isEmpty()) {
            throw new PolicyRefusal(ProblemType.SUBJECT_IN_USE, "This sign-in is already linked to another account");
        }
        account.signUp(subject, now);
        em.flush();
        return account;
    }
}
