package care.messaging.settings.control;

import care.messaging.platform.entity.Uuids;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * What a setting may name for the caller: records of their own practice only, and for a practitioner a
 * client's preferences only when they are in conversation with that client. Anything else, and any id
 * that is not one, does not exist (404).
 */
@Dependent
public class Scope {

    @PersistenceContext
    EntityManager em;

    /** A practitioner of the admin's practice. */
    public Account practitionerOf(Account admin, String practitionerId) {
        var account = em.find(Account.class, parse(practitionerId));
        if (account == null || account.role() != Role.PRACTITIONER || !account.practiceId().equals(admin.practiceId())) {
            throw DomainException.notFound();
        }
        return account;
    }

    /** A client of the caller's practice, locked until commit when it is about to change. */
    public Client clientOf(Account me, String clientId, boolean forUpdate) {
        var client = em.find(Client.class, parse(clientId));
        if (client == null || !client.belongsTo(me.practiceId())) {
            throw DomainException.notFound();
        }
        if (forUpdate) {
            em.refresh(client, LockModeType.PESSIMISTIC_WRITE);
        }
        return client;
    }

    /** A client whose preferences the caller may see and change: any of the practice for an admin, theirs for a practitioner. */
    public Client preferencesOf(Account me, String clientId, boolean forUpdate) {
        var client = clientOf(me, clientId, forUpdate);
        if (me.role() == Role.PRACTITIONER && em.createNativeQuery(
                        "SELECT 1 FROM conversation WHERE practitioner_id = ?1 AND client_id = ?2")
                .setParameter(1, me.id()).setParameter(2, client.id()).getResultList().isEmpty()) {
            throw DomainException.notFound();
        }
        return client;
    }

    /** A portal account acting for the client. */
    public Account portalAccountOf(Client client, String accountId) {
        var id = parse(accountId);
        var linked = !em.createNativeQuery("SELECT 1 FROM client_account WHERE client_id = ?1 AND account_id = ?2")
                .setParameter(1, client.id()).setParameter(2, id).getResultList().isEmpty();
        if (!linked) {
            throw DomainException.notFound();
        }
        var account = em.find(Account.class, id);
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        return account;
    }

    static UUID parse(String id) {
        return Uuids.orNotFound(id);
    }
}
