package care.messaging.directory.control;

import care.messaging.platform.entity.Uuids;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Whom a portal account acts for (the client themself, or a child as guardian) and whom it may turn to:
 * the enabled practitioners of its own practice. Anything else does not exist for it (404).
 */
@Dependent
public class Portals {

    /** A client a portal account acts for, with how: self or guardian. */
    public record ActingFor(UUID clientId, String displayName, String relationship) {
    }

    static final String CLIENTS = """
            SELECT c FROM Client c WHERE c.enabled = true
               AND c.id IN (SELECT ca.clientId FROM ClientAccount ca WHERE ca.accountId = :account)
             ORDER BY c.displayName, c.id""";

    @PersistenceContext
    EntityManager em;

    /** An enabled practitioner of the account's practice. */
    public Account practitionerFor(Account me, String practitionerId) {
        var account = em.find(Account.class, parse(practitionerId, ProblemType.INVALID_PRACTITIONER_ID, "practitionerId must be a practitioner's id"));
        if (account == null || account.role() != Role.PRACTITIONER || !account.isEnabled()
                || !account.practiceId().equals(me.practiceId())) {
            throw DomainException.notFound();
        }
        return account;
    }

    /**
     * The client in care that the account acts for; without an id, its only one (an account acting for
     * several, such as a guardian of two children, must say which: 400 client-required).
     */
    public Client clientActedFor(Account me, String clientId) {
        var clients = em.createQuery(CLIENTS, Client.class).setParameter("account", me.id()).getResultList();
        if (clientId == null || clientId.isEmpty()) {
            if (clients.size() > 1) {
                throw new DomainException(ProblemType.CLIENT_REQUIRED, "You act for several clients: clientId says for whom");
            }
            return clients.stream().findFirst().orElseThrow(DomainException::notFound);
        }
        var id = parse(clientId, ProblemType.INVALID_CLIENT_ID, "clientId must be a client's id");
        return clients.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(DomainException::notFound);
    }

    /**
     * The clients in care the account acts for, by name. An account that acted for clients who have all been
     * discharged since is refused (409 client-discharged), so its app can say so instead of showing an empty
     * portal; one that was never linked to a client (none yet) answers an empty list, as before.
     */
    public List<ActingFor> actingFor(Account me) {
        List<?> rows = em.createNativeQuery("""
                        SELECT c.id, c.display_name, ca.relationship, c.enabled FROM client_account ca JOIN client c ON c.id = ca.client_id
                         WHERE ca.account_id = ?1 ORDER BY c.display_name, c.id""")
                .setParameter(1, me.id()).getResultList();
        var acting = rows.stream().map(Object[].class::cast).filter(r -> Boolean.TRUE.equals(r[3]))
                .map(r -> new ActingFor((UUID) r[0], (String) r[1], (String) r[2])).toList();
        if (acting.isEmpty() && !rows.isEmpty()) {
            throw new PolicyRefusal(ProblemType.CLIENT_DISCHARGED, "Every client this account acts for has been discharged");
        }
        return acting;
    }

    public static UUID parse(String id, ProblemType problem, String title) {
        return Uuids.orInvalid(id, problem, title);
    }
}
