package care.messaging.invitation.control;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.Identity;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which prepared account a first sign-in without a code may bind to: by the provider's verified e-mail (when IT
 * switched it on) or by the claim IT maps to a member's external id. Only an account that is enabled, has not
 * signed up and whose role the token carries counts, and only when exactly one, across all practices, does:
 * zero or several bind nothing, so an ambiguous e-mail never picks a practice.
 */
@Dependent
public class FirstSignIns {

    /** Members only: a client's or guardian's external id is not the hospital's employee id. */
    static final Set<Role> CLAIM_ROLES = EnumSet.of(Role.PRACTITIONER, Role.ADMIN);

    static final String BY_EMAIL = "SELECT a FROM Account a WHERE a.email = :email AND a.subject IS NULL AND a.enabled = TRUE";
    static final String BY_EXTERNAL_ID = "SELECT a FROM Account a WHERE a.externalId = :externalId AND a.subject IS NULL AND a.enabled = TRUE";

    @PersistenceContext
    EntityManager em;

    /** The one account the identity binds to without a code, if any. */
    public Optional<Account> candidate(Identity identity, boolean byVerifiedEmail) {
        if (byVerifiedEmail && identity.verifiedEmail() != null) {
            var match = only(em.createQuery(BY_EMAIL, Account.class).setParameter("email", identity.verifiedEmail()).getResultList(),
                    identity, Set.of(Role.values()));
            if (match.isPresent()) {
                return match;
            }
        }
        if (identity.mappedClaim() != null) {
            return only(em.createQuery(BY_EXTERNAL_ID, Account.class).setParameter("externalId", identity.mappedClaim()).getResultList(),
                    identity, CLAIM_ROLES);
        }
        return Optional.empty();
    }

    /** The decision on the rows found: exactly one eligible account in an allowed role the token carries. */
    static Optional<Account> only(List<Account> found, Identity identity, Set<Role> allowed) {
        var eligible = found.stream()
                .filter(a -> a.isEnabled() && !a.isSignedUp() && a.role() != Role.OPERATOR && allowed.contains(a.role())
                        && identity.groups().contains(a.role().claim()))
                .toList();
        return eligible.size() == 1 ? Optional.of(eligible.get(0)) : Optional.empty();
    }
}
