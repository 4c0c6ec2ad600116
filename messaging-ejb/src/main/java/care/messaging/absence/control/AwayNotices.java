package care.messaging.absence.control;

import care.messaging.delivery.control.EventLog;
import care.messaging.delivery.entity.Event;
import care.messaging.delivery.entity.PendingEvent;
import care.messaging.platform.control.JsonObjects;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A practitioner's out-of-office changed (planned, changed, removed, or turned on or off by the timers): one
 * {@code out-of-office.changed} event, in the same transaction, to everyone whose app shows it: the practice's
 * members (their own settings, the colleague picker's away mark, the admin's team list) and the portal accounts
 * of the practitioner's clients (the notice above the composer). It carries the practitioner and whether they are
 * away now, never the reply.
 */
@Dependent
public class AwayNotices {

    static final String AUDIENCE = """
            SELECT id FROM account WHERE practice_id = ?2 AND enabled AND subject IS NOT NULL AND role <> 'client'
            UNION
            SELECT ca.account_id FROM conversation c JOIN client_account ca ON ca.client_id = c.client_id
              JOIN account pa ON pa.id = ca.account_id
             WHERE c.practitioner_id = ?1 AND c.colleague_id IS NULL AND pa.enabled AND pa.subject IS NOT NULL""";

    @PersistenceContext
    EntityManager em;
    @Inject
    EventLog events;

    /** A change by a use case: whether they are away now is read from all their periods, as they stand in this transaction. */
    public void changed(UUID practitioner, UUID practice, OffsetDateTime at) {
        var away = !em.createNativeQuery("""
                        SELECT 1 FROM absence WHERE account_id = ?1 AND starts_at <= ?2 AND (ends_at IS NULL OR ends_at > ?2)""")
                .setParameter(1, practitioner).setParameter(2, at).getResultList().isEmpty();
        changed(practitioner, practice, away);
    }

    public void changed(UUID practitioner, UUID practice, boolean away) {
        List<?> accounts = em.createNativeQuery(AUDIENCE).setParameter(1, practitioner).setParameter(2, practice).getResultList();
        var event = new PendingEvent(Event.OUT_OF_OFFICE_CHANGED, null, null, null, JsonObjects.builder()
                .add("practitionerId", practitioner.toString()).add("away", away).build());
        events.batch().add(accounts.stream().map(UUID.class::cast).toList(), event).append();
    }
}
