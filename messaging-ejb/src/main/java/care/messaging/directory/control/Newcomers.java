package care.messaging.directory.control;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.ClientAccount;
import care.messaging.directory.entity.EmailAddress;
import care.messaging.directory.entity.ExternalId;
import care.messaging.directory.entity.NewClient;
import care.messaging.directory.entity.NewGuardian;
import care.messaging.directory.entity.PersonName;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds people to a practice's directory: members (practitioners, admins), clients with their portal accounts (an
 * adult's own, a minor's guardians), co-guardians. E-mail addresses and external ids are unique in the practice:
 * every addition first takes the practice's directory lock, so the check that an address is free and the insert
 * that uses it cannot interleave with another addition's (additions are rare; reads never take it).
 * A new account has no subject: it signs in once it redeems an invitation or IT's binding names it.
 */
@Dependent
public class Newcomers {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "messaging.directory.age-of-majority", defaultValue = "18")
    int ageOfMajority;

    /** The date a client's age is reckoned on: today, in UTC (a client born on this day in a later year is not yet born). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int ageOfMajority() {
        return ageOfMajority;
    }

    /** Serializes the practice's additions until commit. */
    public void lock(UUID practiceId) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "directory:" + practiceId).getSingleResult();
    }

    public Account addMember(UUID practiceId, PersonName name, Role role, EmailAddress email, ExternalId externalId) {
        lock(practiceId);
        if (email != null && !emailsInUse(practiceId, List.of(email)).isEmpty()) {
            throw emailInUse();
        }
        if (externalId != null && !em.createNativeQuery("SELECT 1 FROM account WHERE practice_id = ?1 AND external_id = ?2")
                .setParameter(1, practiceId).setParameter(2, externalId.value()).getResultList().isEmpty()) {
            throw new DomainException(ProblemType.EXTERNAL_ID_IN_USE, "Another account of the practice has this external id");
        }
        var account = account(practiceId, name, role, email);
        account.recordExternalId(externalId == null ? null : externalId.value());
        em.persist(account);
        return account;
    }

    /** Refuses what is wrong with the client on its own or in the directory, first problem first. */
    public void check(UUID practiceId, NewClient client) {
        var problems = problems(practiceId, client, List.of());
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /**
     * What is wrong with the client: on its own, an address another account of the practice has, or one an earlier line
     * of the same import takes ({@code taken}). The caller holds the lock.
     */
    public List<DomainException> problems(UUID practiceId, NewClient client, Collection<EmailAddress> taken) {
        return problems(client, taken, emailsInUse(practiceId, client.emails()).stream().map(EmailAddress::value).toList());
    }

    /**
     * As above, against the practice's addresses read once ({@link #emailsOf}) for a whole import, instead of a query
     * per line. The caller holds the lock, so they stay the practice's addresses until commit.
     */
    public List<DomainException> problems(NewClient client, Collection<EmailAddress> taken, Collection<String> inUse) {
        var problems = new ArrayList<>(client.problems(today(), ageOfMajority));
        var emails = client.emails();
        if (emails.stream().anyMatch(taken::contains)) {
            problems.add(new DomainException(ProblemType.DUPLICATE_EMAIL, "An earlier line has the same e-mail address"));
        }
        if (emails.stream().map(EmailAddress::value).anyMatch(inUse::contains)) {
            problems.add(emailInUse());
        }
        return problems;
    }

    /** Every e-mail address the practice's accounts have, in one query. */
    public java.util.Set<String> emailsOf(UUID practiceId) {
        List<?> rows = em.createNativeQuery("SELECT email FROM account WHERE practice_id = ?1 AND email IS NOT NULL")
                .setParameter(1, practiceId).getResultList();
        return rows.stream().map(String.class::cast).collect(java.util.stream.Collectors.toSet());
    }

    /** The client and their portal accounts, checked by {@link #check} or {@link #problems} under the lock first. */
    public Client addClient(UUID practiceId, NewClient wanted) {
        var minor = wanted.isMinor(today(), ageOfMajority);
        var client = new Client(practiceId, wanted.name().value(), minor);
        client.recordDateOfBirth(wanted.dateOfBirth());
        em.persist(client);
        em.flush(); // the client row before its portal accounts' links
        if (!minor) {
            link(client, account(practiceId, wanted.name(), Role.CLIENT, wanted.email()), ClientAccount.Relationship.self);
        }
        wanted.guardians().forEach(g -> addGuardian(client, g));
        return client;
    }

    public Account addGuardian(Client client, NewGuardian guardian) {
        var account = account(client.practiceId(), guardian.name(), Role.CLIENT, guardian.email());
        link(client, account, ClientAccount.Relationship.guardian);
        return account;
    }

    /** A co-guardian added later: the lock and the address check of an addition. */
    public Account addCoGuardian(Client client, NewGuardian guardian) {
        lock(client.practiceId());
        if (guardian.email() != null && !emailsInUse(client.practiceId(), List.of(guardian.email())).isEmpty()) {
            throw emailInUse();
        }
        var guardians = ((Number) em.createNativeQuery("SELECT count(*) FROM client_account WHERE client_id = ?1 AND relationship = 'guardian'")
                .setParameter(1, client.id()).getSingleResult()).intValue();
        if (guardians >= NewClient.MAX_GUARDIANS) {
            throw new DomainException(ProblemType.TOO_MANY_GUARDIANS, "A client has at most " + NewClient.MAX_GUARDIANS + " guardians");
        }
        return addGuardian(client, guardian);
    }

    void link(Client client, Account account, ClientAccount.Relationship relationship) {
        em.persist(account);
        em.flush();
        em.persist(new ClientAccount(client.id(), account.id(), relationship));
        em.flush();
    }

    Account account(UUID practiceId, PersonName name, Role role, EmailAddress email) {
        // The username is for the dev login only; a generated one says nothing about the person.
        var account = new Account(practiceId, "account-" + UUID.randomUUID(), role, name.value());
        account.recordEmail(email == null ? null : email.value());
        return account;
    }

    /** The given addresses another account of the practice already has (a handful at most: one person's and their guardians'). */
    List<EmailAddress> emailsInUse(UUID practiceId, List<EmailAddress> emails) {
        return emails.stream().filter(email -> !em.createNativeQuery("SELECT 1 FROM account WHERE practice_id = ?1 AND email = ?2")
                .setParameter(1, practiceId).setParameter(2, email.value()).getResultList().isEmpty()).toList();
    }

    static DomainException emailInUse() {
        return new DomainException(ProblemType.EMAIL_IN_USE, "Another account of the practice has this e-mail address");
    }
}
