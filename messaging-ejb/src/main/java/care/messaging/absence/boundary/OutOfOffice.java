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
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

/**
 * A practitioner's own out-of-office periods: list those not over, plan one, change or remove one (also one an
 * admin set for them: the view says who set it). Every change tells the apps that show it (AwayNotices).
 */
@Stateless
public class OutOfOffice {

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
    public List<AbsenceView> mine(Identity identity) {
        var me = practitioner(identity);
        var list = book.current(me.id(), now()).stream().map(book::view).toList();
        audit.record(me.actor(), Action.OUT_OF_OFFICE_LIST, SUCCESS, Targets.account(me.id()));
        return list;
    }

    @Attempts(Action.OUT_OF_OFFICE_SET)
    public AbsenceView plan(Identity identity, AbsenceRequest request) {
        var me = practitioner(identity);
        var plan = book.read(request);
        book.lock(me);
        var absence = book.plan(me, null, plan, me, now());
        planned.fire(AbsencePlanned.of(absence));
        notices.changed(me.id(), me.practiceId(), now());
        audit.record(me.actor(), Action.OUT_OF_OFFICE_SET, SUCCESS, Targets.account(me.id()));
        return book.view(absence);
    }

    @Attempts(Action.OUT_OF_OFFICE_CHANGE)
    public AbsenceView change(Identity identity, String absenceId, AbsenceRequest request) {
        var me = practitioner(identity);
        var absence = book.periodOf(me, absenceId);
        var plan = book.read(request);
        book.plan(me, absence, plan, me, now());
        planned.fire(AbsencePlanned.of(absence));
        notices.changed(me.id(), me.practiceId(), now());
        audit.record(me.actor(), Action.OUT_OF_OFFICE_CHANGE, SUCCESS, Targets.account(me.id()));
        return book.view(absence);
    }

    @Attempts(Action.OUT_OF_OFFICE_DELETE)
    public void remove(Identity identity, String absenceId) {
        var me = practitioner(identity);
        var absence = book.periodOf(me, absenceId);
        book.remove(absence);
        notices.changed(me.id(), me.practiceId(), now());
        audit.record(me.actor(), Action.OUT_OF_OFFICE_DELETE, SUCCESS, Targets.account(me.id()));
    }

    Account practitioner(Identity identity) {
        return accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER));
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
