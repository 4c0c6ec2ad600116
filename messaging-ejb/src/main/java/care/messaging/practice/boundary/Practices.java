package care.messaging.practice.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.Newcomers;
import care.messaging.directory.entity.EmailAddress;
import care.messaging.directory.entity.ExternalId;
import care.messaging.directory.entity.PersonName;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Practice;
import care.messaging.directory.entity.Role;
import care.messaging.invitation.control.Invitees;
import care.messaging.invitation.entity.InvitationView;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.StoredTime;
import care.messaging.platform.entity.Uuids;
import care.messaging.practice.control.Register;
import care.messaging.practice.entity.FirstAdmin;
import care.messaging.practice.entity.FoundedPractice;
import care.messaging.practice.entity.PracticeName;
import care.messaging.practice.entity.PracticeSummary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Hospital IT (role operator) lists the practices and founds new ones, each with its first admin, who is
 * invited like any member: the answer carries the invitation's code once. Both are audited in the chain of
 * no practice, the operator's.
 */
@Stateless
public class Practices {

    @Inject
    Accounts accounts;
    @Inject
    Register register;
    @Inject
    Newcomers newcomers;
    @Inject
    Invitees invitees;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.PRACTICE_LIST)
    public List<PracticeSummary> list(Identity identity) {
        var operator = accounts.authorize(identity, EnumSet.of(Role.OPERATOR));
        var practices = register.all();
        audit.record(operator.actor(), Action.PRACTICE_LIST, SUCCESS, Targets.none());
        return practices;
    }

    /** A new practice and its first admin, who has not signed up and holds a fresh invitation to the practitioner app. */
    @Attempts(Action.PRACTICE_CREATE)
    public FoundedPractice found(Identity identity, String name, String adminName, String adminEmail, String adminExternalId) {
        var operator = accounts.authorize(identity, EnumSet.of(Role.OPERATOR));
        var practiceName = PracticeName.parse(name);
        var first = FirstAdmin.parse(adminName, adminEmail, adminExternalId);
        register.claim(practiceName);
        var practice = new Practice(practiceName.value());
        em.persist(practice);
        em.flush(); // the practice before its account (the ids are not relationships) and its created_at
        var admin = admit(practice, first);
        var issued = invitees.issue(admin, operator, StoredTime.now(clock));
        audit.record(operator.actor(), Action.PRACTICE_CREATE, SUCCESS, Targets.account(admin.id()));
        audit.record(operator.actor(), Action.INVITATION_CREATE, SUCCESS, Targets.account(admin.id()));
        return new FoundedPractice(register.of(practice.id()), admin.id(),
                Invitees.view(admin, issued.invitation(), issued.code(), StoredTime.now(clock)));
    }

    /**
     * A new invitation for the practice's first admin while they have not signed up (the link ran out or went
     * astray, and nobody of the practice can invite yet); the earlier one is revoked. Signed up: 409.
     */
    @Attempts(Action.INVITATION_CREATE)
    public InvitationView reinvite(Identity identity, String practiceId) {
        var operator = accounts.authorize(identity, EnumSet.of(Role.OPERATOR));
        var admin = register.firstAdmin(Uuids.orNotFound(practiceId));
        if (admin.isSignedUp()) {
            throw new DomainException(ProblemType.ALREADY_SIGNED_UP, "The practice's first admin has already signed up");
        }
        var now = StoredTime.now(clock);
        var issued = invitees.issue(admin, operator, now);
        audit.record(operator.actor(), Action.INVITATION_CREATE, SUCCESS, Targets.account(admin.id()));
        return Invitees.view(admin, issued.invitation(), issued.code(), now);
    }

    /** The first admin, added as every member is (the directory's Newcomers: one place makes accounts). */
    Account admit(Practice practice, FirstAdmin first) {
        var admin = newcomers.addMember(practice.id(), new PersonName(first.displayName()), Role.ADMIN,
                first.email() == null ? null : new EmailAddress(first.email()),
                first.externalId() == null ? null : new ExternalId(first.externalId()));
        em.flush();
        return admin;
    }
}
