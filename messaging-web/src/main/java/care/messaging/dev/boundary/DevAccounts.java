package care.messaging.dev.boundary;

import care.messaging.directory.entity.Account;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The accounts the dev login offers and signs in. Unguarded by design: it exists only in the standalone
 * WAR of the embedded default (the EAR's web module leaves this package out), and answers only while
 * {@code messaging.dev.login=true}.
 */
@Stateless
public class DevAccounts {

    /** A person the dev login's picker offers: every enabled account, signed up or not (the picker says which). */
    public record DemoUser(String username, String displayName, String role, boolean signedUp) {
    }

    /** What the dev login needs to mint a token: the subject and the role claim. */
    public record Login(String subject, String role) {
    }

    @PersistenceContext
    EntityManager em;

    public List<DemoUser> users() {
        return em.createQuery("SELECT a FROM Account a WHERE a.enabled = true ORDER BY a.displayName", Account.class)
                .getResultStream()
                .map(a -> new DemoUser(a.username(), a.displayName(), a.role().claim(), a.isSignedUp()))
                .toList();
    }

    public Login login(String username) {
        var account = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username == null ? "" : username)
                .getResultStream().findFirst()
                .filter(Account::isEnabled)
                .orElseThrow(() -> new DomainException(ProblemType.UNKNOWN_USER, "No demo user has that name"));
        if (!account.isSignedUp()) {
            throw new DomainException(ProblemType.NOT_SIGNED_UP, "This client hasn't signed up yet");
        }
        return new Login(account.subject(), account.role().claim());
    }
}
