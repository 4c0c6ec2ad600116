package care.messaging.absence.boundary;

import care.messaging.absence.entity.Absence;
import care.messaging.absence.entity.AwayView;
import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.entity.Action;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.StoredTime;
import care.messaging.platform.entity.Uuids;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Whether a practitioner of the caller's practice is away now. Anyone of the practice may ask (clients see it
 * before they write); it tells only that and until when, so only refusals are audited, like the practitioner list.
 * Another practice's practitioner, or an account that is none, does not exist (404).
 */
@Stateless
public class AwayStatus {

    @Inject
    Accounts accounts;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.OUT_OF_OFFICE_LIST)
    public AwayView of(Identity identity, String practitionerId) {
        var me = accounts.authenticate(identity);
        var practitioner = em.find(Account.class, Uuids.orNotFound(practitionerId));
        if (practitioner == null || practitioner.role() != Role.PRACTITIONER || !practitioner.practiceId().equals(me.practiceId())) {
            throw DomainException.notFound();
        }
        var now = StoredTime.now(clock);
        List<Absence> on = em.createNativeQuery("""
                        SELECT a.* FROM absence a WHERE a.account_id = ?1 AND a.starts_at <= ?2 AND (a.ends_at IS NULL OR a.ends_at > ?2)""",
                Absence.class).setParameter(1, practitioner.id()).setParameter(2, now).getResultList();
        return on.stream().findFirst()
                .map(a -> new AwayView(practitioner.id(), true, a.period().end() == null ? null : a.period().end().atOffset(ZoneOffset.UTC)))
                .orElse(new AwayView(practitioner.id(), false, null));
    }
}
