package care.messaging.testing;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.ClientAccount;
import care.messaging.directory.entity.ClientAccount.Relationship;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Practice;
import care.messaging.directory.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The object mother: every call seeds a new practice of synthetic people and commits, so tests share no
 * rows and run in any order. Display names repeat from call to call (they show up as sender names);
 * usernames and subjects are fresh each time.
 */
@Stateless
public class SamplePeople {

    /** A client and the portal account acting for them: their own, or for a minor a guardian's. */
    public record Portal(String clientId, Identity account) {
    }

    /**
     * One practice: Dr. Maria Rivera and Dr. Wei Chen (practitioners); Alex Morgan, an adult client with
     * a portal account; Sam Lee, a minor whose guardian Jordan Lee holds the portal account; Jin Park, the
     * practice's admin.
     */
    public record Clinic(Identity rivera, Identity chen, Portal alex, Portal sam, Identity admin) {
    }

    @PersistenceContext
    EntityManager em;

    public Clinic clinic() {
        var practice = persist(new Practice("Riverside Therapy")).id();
        return new Clinic(
                member(practice, "Dr. Maria Rivera"),
                member(practice, "Dr. Wei Chen"),
                portal(practice, "Alex Morgan", false, "Alex Morgan", Relationship.self),
                portal(practice, "Sam Lee", true, "Jordan Lee", Relationship.guardian),
                signedUp(practice, Role.ADMIN, "Jin Park").identity());
    }

    /** An admin of the practice the member belongs to. */
    public Identity admin(Identity member) {
        var practice = em.createQuery("SELECT a.practiceId FROM Account a WHERE a.subject = :subject", UUID.class)
                .setParameter("subject", member.subject()).getSingleResult();
        return signedUp(practice, Role.ADMIN, "Pat Quinn").identity();
    }

    /** Someone of hospital IT: an operator, of no practice. */
    public Identity operator() {
        return signedUp(Practice.NONE, Role.OPERATOR, "Taylor Reed").identity();
    }

    /** Switches off the account behind the identity; its tokens stay valid, as they would in real life. */
    public void disable(Identity identity) {
        em.createNativeQuery("UPDATE account SET enabled = false WHERE subject = ?1")
                .setParameter(1, identity.subject())
                .executeUpdate();
    }

    /** The client leaves care: the row stays, as records are kept, but is switched off. */
    public void discharge(String clientId) {
        em.createNativeQuery("UPDATE client SET enabled = false WHERE id = ?1")
                .setParameter(1, UUID.fromString(clientId))
                .executeUpdate();
    }

    Identity member(UUID practice, String name) {
        return signedUp(practice, Role.PRACTITIONER, name).identity();
    }

    Portal portal(UUID practice, String clientName, boolean minor, String accountName, Relationship relationship) {
        var client = persist(new Client(practice, clientName, minor));
        var account = signedUp(practice, Role.CLIENT, accountName);
        persist(new ClientAccount(client.id(), account.account().id(), relationship));
        return new Portal(client.id().toString(), account.identity());
    }

    private record SignedUp(Account account, Identity identity) {
    }

    SignedUp signedUp(UUID practice, Role role, String name) {
        var subject = "sample-" + UUID.randomUUID();
        var account = new Account(practice, subject, role, name);
        account.signUp(subject, OffsetDateTime.now());
        persist(account);
        return new SignedUp(account, new Identity(subject, Set.of(role.claim())));
    }

    /** Flushed at once: the entities hold ids, not relationships, so JPA cannot order the inserts itself. */
    <T> T persist(T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }
}
