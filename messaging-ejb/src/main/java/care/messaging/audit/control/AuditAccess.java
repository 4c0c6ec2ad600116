package care.messaging.audit.control;

import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The one place that says who may review the audit trail and which part of it: a practice admin, their
 * own practice's chain. (A deployment-wide role for IT would be one more case here.) An account or
 * client of another practice does not exist for the reviewer: 404, as everywhere else.
 */
@Dependent
public class AuditAccess {

    /** An authorized reviewer and the chains they may see. */
    public record Reviewer(Account account, List<UUID> chains) {

        boolean sees(UUID practiceId) {
            return chains.contains(practiceId);
        }
    }

    @Inject
    Accounts accounts;
    @PersistenceContext
    EntityManager em;

    public Reviewer reviewer(Identity identity) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        return new Reviewer(admin, List.of(admin.practiceId()));
    }

    /** The id of an account the reviewer may ask about, or null when none was named. */
    public UUID account(Reviewer reviewer, String accountId) {
        var id = parse(accountId, "invalid-account-id", "accountId must be an account's id");
        if (id != null) {
            var account = em.find(Account.class, id);
            if (account == null || !reviewer.sees(account.practiceId())) {
                throw DomainException.notFound();
            }
        }
        return id;
    }

    /** The id of a client the reviewer may ask about, or null when none was named. */
    public UUID client(Reviewer reviewer, String clientId) {
        var id = parse(clientId, "invalid-client-id", "clientId must be a client's id");
        if (id != null) {
            var client = em.find(Client.class, id);
            if (client == null || !reviewer.sees(client.practiceId())) {
                throw DomainException.notFound();
            }
        }
        return id;
    }

    static UUID parse(String value, String type, String title) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(type, title);
        }
    }
}
