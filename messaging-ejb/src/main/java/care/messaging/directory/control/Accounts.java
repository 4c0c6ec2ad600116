package care.messaging.directory.control;

import care.messaging.directory.entity.Account;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified token's identity into the account it stands for, inside the caller's transaction,
 * so a disabled account loses access on its next request whatever its token still says.
 */
@Dependent
public class Accounts {

    @PersistenceContext
    EntityManager em;

    /** The enabled account behind the identity, acting in one of the allowed roles. */
    public Account authorize(Identity identity, Set<Role> allowed) {
        var account = authenticate(identity);
        if (!allowed.contains(account.role())) {
            throw new DomainException(ProblemType.WRONG_ROLE, "This action is not available to your role");
        }
        return account;
    }

    public Account authenticate(Identity identity) {
        if (identity == null || identity.subject() == null) {
            throw new DomainException(ProblemType.NOT_AUTHENTICATED, "A valid bearer token is required");
        }
        if (identity.groups().isEmpty()) {
            throw new DomainException(ProblemType.NO_ROLE, "The token carries no role");
        }
        var account = em.createNamedQuery(Account.BY_SUBJECT, Account.class)
                .setParameter("subject", identity.subject())
                .getResultStream().findFirst()
                .orElseThrow(() -> new DomainException(ProblemType.UNKNOWN_ACCOUNT, "The token's subject has no account"));
        if (!account.isEnabled()) {
            throw new DomainException(ProblemType.ACCOUNT_DISABLED, "This account is disabled");
        }
        if (!identity.groups().contains(account.role().claim())) {
            throw new DomainException(ProblemType.WRONG_ROLE, "The token's role does not match the account");
        }
        return account;
    }

    /**
     * An account let in earlier (an open WebSocket), checked again: switched off since, it is refused like a
     * request with a token of a disabled account.
     */
    public Account stillEnabled(UUID id) {
        var account = em.find(Account.class, id);
        if (account == null || !account.isEnabled()) {
            throw new DomainException(ProblemType.ACCOUNT_DISABLED, "This account is disabled");
        }
        return account;
    }
}
