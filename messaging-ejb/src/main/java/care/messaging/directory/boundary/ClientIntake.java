package care.messaging.directory.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.Newcomers;
import care.messaging.directory.control.PortalAccountList;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.ClientRecord;
import care.messaging.directory.entity.EmailAddress;
import care.messaging.directory.entity.NewClient;
import care.messaging.directory.entity.NewGuardian;
import care.messaging.directory.entity.PersonName;
import care.messaging.directory.entity.PortalAccountView;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.Uuids;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;

/**
 * Clients in and out of the practice's care, for its admins: add one with their portal accounts (an adult's own; a
 * minor's guardians), look at their record, add a co-guardian, discharge and re-admit. A discharged client's portal
 * accounts no longer act for them (their sign-in shows the discharged page), practitioners cannot write to them
 * (409 client-discharged), and the history stays. New portal accounts sign in once invited.
 */
@Stateless
public class ClientIntake {

    public record NewGuardianRequest(String displayName, String email) {
    }

    public record NewClientRequest(String displayName, String dateOfBirth, Boolean minor, String email,
                                   List<NewGuardianRequest> guardians) {
    }

    @Inject
    Accounts accounts;
    @Inject
    Newcomers newcomers;
    @Inject
    PortalAccountList portalAccounts;
    @Inject
    AuditTrail audit;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.CLIENT_ADD)
    public ClientRecord add(Identity identity, NewClientRequest request) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var wanted = new NewClient(PersonName.parse(request.displayName()), dateOfBirth(request.dateOfBirth()), request.minor(),
                EmailAddress.parse(request.email()), guardians(request.guardians()));
        newcomers.lock(admin.practiceId());
        newcomers.check(admin.practiceId(), wanted);
        var client = newcomers.addClient(admin.practiceId(), wanted);
        audit.record(admin.actor(), Action.CLIENT_ADD, SUCCESS, Targets.client(client.id()));
        return ClientRecord.of(client, portalAccounts.of(client.id()));
    }

    @Attempts(Action.CLIENT_READ)
    public ClientRecord get(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var client = clientOf(admin, clientId, false);
        audit.record(admin.actor(), Action.CLIENT_READ, SUCCESS, Targets.client(client.id()));
        return ClientRecord.of(client, portalAccounts.of(client.id()));
    }

    /** A co-guardian of a minor; an adult has none (400 guardians-of-adult). */
    @Attempts(Action.GUARDIAN_ADD)
    public PortalAccountView addGuardian(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId,
                                         NewGuardianRequest request) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var client = clientOf(admin, clientId, true);
        var guardian = guardian(request);
        if (!client.isMinor()) {
            throw new DomainException(ProblemType.GUARDIANS_OF_ADULT, "Only a minor has guardians: an adult client signs in to the portal themself");
        }
        var account = newcomers.addCoGuardian(client, guardian);
        audit.record(admin.actor(), Action.GUARDIAN_ADD, SUCCESS, new Targets(null, null, client.id(), account.id()));
        return portalAccounts.one(client.id(), account.id());
    }

    @Attempts(Action.CLIENT_DISCHARGE)
    public ClientRecord discharge(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        return switchCare(identity, clientId, false, Action.CLIENT_DISCHARGE);
    }

    @Attempts(Action.CLIENT_READMIT)
    public ClientRecord readmit(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        return switchCare(identity, clientId, true, Action.CLIENT_READMIT);
    }

    ClientRecord switchCare(Identity identity, String clientId, boolean inCare, Action action) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var client = clientOf(admin, clientId, true);
        if (client.switchCare(inCare)) { // discharging twice changes nothing and records nothing
            audit.record(admin.actor(), action, SUCCESS, Targets.client(client.id()));
        }
        return ClientRecord.of(client, portalAccounts.of(client.id()));
    }

    Client clientOf(Account admin, String clientId, boolean forUpdate) {
        var client = forUpdate ? em.find(Client.class, Uuids.orNotFound(clientId), LockModeType.PESSIMISTIC_WRITE)
                : em.find(Client.class, Uuids.orNotFound(clientId));
        if (client == null || !client.belongsTo(admin.practiceId())) {
            throw DomainException.notFound();
        }
        return client;
    }

    static List<NewGuardian> guardians(List<NewGuardianRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        if (requests.size() > NewClient.MAX_GUARDIANS) {
            throw new DomainException(ProblemType.TOO_MANY_GUARDIANS, "A client has at most " + NewClient.MAX_GUARDIANS + " guardians");
        }
        return requests.stream().map(ClientIntake::guardian).toList();
    }

    static NewGuardian guardian(NewGuardianRequest request) {
        if (request == null) {
            throw new DomainException(ProblemType.INVALID_DISPLAY_NAME, "Each guardian needs a displayName");
        }
        return new NewGuardian(PersonName.parse(request.displayName()), EmailAddress.parse(request.email()));
    }

    /** ISO 8601 ({@code 2015-04-30}) only: {@code 04/05/2015} means a different day in different countries. */
    public static LocalDate dateOfBirth(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(ProblemType.INVALID_DATE_OF_BIRTH, "dateOfBirth must be a date written YYYY-MM-DD");
        }
    }
}
