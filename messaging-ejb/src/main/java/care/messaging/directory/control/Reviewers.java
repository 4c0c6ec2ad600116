package care.messaging.directory.control;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.Uuids;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The one place that says who may review the audit trail and which part of it: a practice admin, their
 * own practice's chain; hospital IT (operator), every chain. An account or client the reviewer may not
 * see does not exist for them: 404, as everywhere else. It is the directory's, not the audit's, because
 * the answer is about accounts, and the audit trail, which every component writes to, uses none.
 */
@Dependent
public class Reviewers {

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

    /** A practice admin reviews their practice's chain; hospital IT (operator) every chain, the no-practice one included. */
    public Reviewer reviewer(Identity identity) {
        var reviewer = accounts.authorize(identity, EnumSet.of(Role.ADMIN, Role.OPERATOR));
        if (reviewer.role() == Role.OPERATOR) {
            List<?> chains = em.createNativeQuery("SELECT id FROM practice ORDER BY id").getResultList();
            return new Reviewer(reviewer, chains.stream().map(UUID.class::cast).toList());
        }
        return new Reviewer(reviewer, List.of(reviewer.practiceId()));
    }

    /** The id of an account the reviewer may ask about, or null when none was named. */
    public UUID account(Reviewer reviewer, String accountId) {
        var id = parse(accountId, ProblemType.INVALID_ACCOUNT_ID, "accountId must be an account's id");
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
        var id = parse(clientId, ProblemType.INVALID_CLIENT_ID, "clientId must be a client's id");
        if (id != null) {
            var client = em.find(Client.class, id);
            if (client == null || !reviewer.sees(client.practiceId())) {
                throw DomainException.notFound();
            }
        }
        return id;
    }

    static UUID parse(String value, ProblemType problem, String title) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Uuids.orInvalid(value, problem, title);
    }
}
