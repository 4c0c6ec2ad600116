package care.messaging.absence.control;

import care.messaging.platform.control.SecurityLog;
import care.messaging.absence.entity.Absence;
import care.messaging.absence.entity.AbsenceRequest;
import care.messaging.absence.entity.AbsenceView;
import care.messaging.absence.entity.AbsenceView.Person;
import care.messaging.absence.entity.Period;
import care.messaging.conversation.control.RichText;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.UnreadableCiphertext;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Uuids;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The practitioners' out-of-office periods: planning one (checked against the practitioner's others under
 * their account's row lock, so two requests at once cannot both pass the overlap check), changing, removing,
 * and reading them with the reply opened. Another practice's member or period does not exist (404).
 */
@Dependent
public class AbsenceBook {

    private static final System.Logger LOGGER = System.getLogger(AbsenceBook.class.getName());

    // Not over yet: what the lists show and the overlap check compares with.
    static final String CURRENT = "(a.ends_at IS NULL OR a.ends_at > ?2)";

    @PersistenceContext
    EntityManager em;
    @Inject
    RowCipher cipher;
    @Inject
    RichText richText;
    @Inject
    Clock clock;

    /** A practitioner of the admin's practice, locked until commit (see the class comment). */
    public Account practitionerOf(Account admin, String memberId) {
        var account = em.find(Account.class, Uuids.orNotFound(memberId));
        if (account == null || account.role() != Role.PRACTITIONER || !account.practiceId().equals(admin.practiceId())) {
            throw DomainException.notFound();
        }
        lock(account);
        return account;
    }

    public void lock(Account practitioner) {
        em.createNativeQuery("SELECT id FROM account WHERE id = ?1 FOR UPDATE").setParameter(1, practitioner.id()).getResultList();
    }

    /** One period of the practitioner's (locked), or of any practitioner of the admin's practice. */
    public Absence periodOf(Account me, String absenceId) {
        var absence = em.find(Absence.class, Uuids.orNotFound(absenceId));
        var mine = absence != null && (me.role() == Role.ADMIN
                ? absence.practiceId().equals(me.practiceId())
                : absence.accountId().equals(me.id()));
        if (!mine) {
            throw DomainException.notFound();
        }
        lock(em.find(Account.class, absence.accountId()));
        return absence;
    }

    /** The period and the sanitized reply of a request, checked; the overlap check is {@link #plan}'s. */
    public Plan read(AbsenceRequest request) {
        var period = Period.of(request.startsAt(), request.endsAt(), request.timeZone(), clock);
        var html = richText.sanitize(request.html()).html();
        return new Plan(period, html, Boolean.TRUE.equals(request.colleagues()));
    }

    public record Plan(Period period, String html, boolean colleagues) {
    }

    /** Plans a new period (absence null) or changes one; refuses an overlap with the practitioner's other periods. */
    public Absence plan(Account practitioner, Absence absence, Plan plan, Account setBy, OffsetDateTime at) {
        var except = absence == null ? null : absence.id();
        plan.period().requireNoOverlap(current(practitioner.id(), at).stream()
                .filter(other -> !other.id().equals(except)).map(Absence::period).toList());
        var row = absence == null ? new Absence(practitioner.practiceId(), practitioner.id()) : absence;
        row.plan(plan.period(), plan.colleagues(), setBy.id(), at);
        row.seal(cipher.seal(EncryptedColumn.ABSENCE_REPLY, row.id(), plan.html()));
        if (absence == null) {
            em.persist(row);
        }
        em.flush();
        return row;
    }

    public Account owner(Absence absence) {
        return em.find(Account.class, absence.accountId());
    }

    public void remove(Absence absence) {
        em.remove(absence);
        em.flush();
    }

    /** The practitioner's periods that are not over, earliest first. */
    public List<Absence> current(UUID practitioner, OffsetDateTime at) {
        return em.createNativeQuery("SELECT a.* FROM absence a WHERE a.account_id = ?1 AND " + CURRENT + " ORDER BY a.starts_at",
                Absence.class).setParameter(1, practitioner).setParameter(2, at).getResultList();
    }

    /** The practice's periods that are not over (current and planned), earliest first. */
    public List<Absence> team(UUID practice, OffsetDateTime at) {
        return em.createNativeQuery("SELECT a.* FROM absence a WHERE a.practice_id = ?1 AND " + CURRENT + " ORDER BY a.starts_at, a.id",
                Absence.class).setParameter(1, practice).setParameter(2, at).getResultList();
    }

    public AbsenceView view(Absence absence) {
        var period = absence.period();
        var zone = period.zone();
        return new AbsenceView(absence.id(), person(absence.accountId()), period.start().atZone(zone).toOffsetDateTime(),
                period.end() == null ? null : period.end().atZone(zone).toOffsetDateTime(), zone.getId(),
                reply(absence).orElse(null), absence.colleagues(), period.activeAt(clock.instant()), person(absence.setBy()),
                absence.updatedAt());
    }

    /** The reply's HTML; a value that does not open is logged as a security event and shown as none. */
    public Optional<String> reply(Absence absence) {
        try {
            return Optional.of(cipher.open(EncryptedColumn.ABSENCE_REPLY, absence.id(), absence.reply()));
        } catch (UnreadableCiphertext e) {
            SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "SECURITY: {0} of row {1} failed authentication (key {2})",
                    EncryptedColumn.ABSENCE_REPLY.label(), absence.id(), e.keyId());
            return Optional.empty();
        }
    }

    Person person(UUID account) {
        var a = em.find(Account.class, account);
        return new Person(account, a == null ? null : a.displayName());
    }
}
