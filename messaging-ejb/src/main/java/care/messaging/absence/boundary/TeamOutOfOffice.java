package care.messaging.absence.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.absence.control.AbsenceBook;
import care.messaging.absence.control.AwayNotices;
import care.messaging.absence.entity.AbsencePlanned;
import care.messaging.absence.entity.AbsenceRequest;
import care.messaging.absence.entity.AbsenceView;
import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;

/**
 * An admin's out-of-office for the team: the same period and reply for one or several practitioners at once
 * (all or none: one overlap or one unknown member and nothing is saved), the team's periods that are not over,
 * and changing or removing any of them. A member of another practice does not exist (404).
 */
@Stateless
public class TeamOutOfOffice {

    /** The most members one request configures. */
    public static final int MAX_MEMBERS = 50;

    @Inject
    Accounts accounts;
    @Inject
    AbsenceBook book;
    @Inject
    AwayNotices notices;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<AbsencePlanned> planned;

    @Attempts(Action.OUT_OF_OFFICE_LIST)
    public List<AbsenceView> team(Identity identity) {
        var admin = admin(identity);
        var list = book.team(admin.practiceId(), now()).stream().map(book::view).toList();
        audit.record(admin.actor(), Action.OUT_OF_OFFICE_LIST, SUCCESS, Targets.none());
        return list;
    }

    @Attempts(Action.OUT_OF_OFFICE_SET)
    public List<AbsenceView> configure(Identity identity, AbsenceRequest request) {
        var admin = admin(identity);
        var ids = request.memberIds();
        if (ids == null || ids.isEmpty() || ids.size() > MAX_MEMBERS || new HashSet<>(ids).size() != ids.size()) {
            throw new DomainException(ProblemType.INVALID_MEMBERS, "memberIds must name 1 to " + MAX_MEMBERS + " different members");
        }
        var plan = book.read(request);
        var at = now();
        // Locked in id order, so two admins configuring overlapping teams cannot deadlock.
        var members = ids.stream().sorted().map(id -> book.practitionerOf(admin, id))
                .sorted(Comparator.comparing(Account::id)).toList();
        var views = new ArrayList<AbsenceView>();
        for (var member : members) {
            var absence = book.plan(member, null, plan, admin, at);
            planned.fire(AbsencePlanned.of(absence));
            notices.changed(member.id(), member.practiceId(), now());
            audit.record(admin.actor(), Action.OUT_OF_OFFICE_SET, SUCCESS, Targets.account(member.id()));
            views.add(book.view(absence));
        }
        return views;
    }

    @Attempts(Action.OUT_OF_OFFICE_CHANGE)
    public AbsenceView change(Identity identity, String absenceId, AbsenceRequest request) {
        var admin = admin(identity);
        var absence = book.periodOf(admin, absenceId);
        var plan = book.read(request);
        var member = book.owner(absence);
        book.plan(member, absence, plan, admin, now());
        planned.fire(AbsencePlanned.of(absence));
        notices.changed(member.id(), member.practiceId(), now());
        audit.record(admin.actor(), Action.OUT_OF_OFFICE_CHANGE, SUCCESS, Targets.account(member.id()));
        return book.view(absence);
    }

    @Attempts(Action.OUT_OF_OFFICE_DELETE)
    public void remove(Identity identity, String absenceId) {
        var admin = admin(identity);
        var absence = book.periodOf(admin, absenceId);
        var member = absence.accountId();
        book.remove(absence);
        notices.changed(member, admin.practiceId(), now());
        audit.record(admin.actor(), Action.OUT_OF_OFFICE_DELETE, SUCCESS, Targets.account(member));
    }

    Account admin(Identity identity) {
        return accounts.authorize(identity, EnumSet.of(Role.ADMIN));
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
