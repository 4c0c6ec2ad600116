package care.messaging.settings.control;

import care.messaging.delivery.control.EventLog;
import care.messaging.delivery.entity.PendingEvent;
import care.messaging.delivery.entity.Event;
import care.messaging.directory.entity.Practice;
import care.messaging.platform.control.JsonObjects;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The practice's switch moved, or what its portal tells clients changed: one {@code practice.changed} event
 * to every account of the practice that can sign in, in the same transaction. Apps read the practice again
 * and reload their conversations on it (after the switch every thread's {@code sending} changed), so there
 * is one event per account, not one per conversation. The event carries the switch, never the texts.
 */
@Dependent
public class PracticeBroadcast {

    @PersistenceContext
    EntityManager em;
    @Inject
    EventLog events;

    public void changed(Practice practice) {
        List<?> accounts = em.createNativeQuery(
                        "SELECT id FROM account WHERE practice_id = ?1 AND enabled AND subject IS NOT NULL")
                .setParameter(1, practice.id()).getResultList();
        var changed = new PendingEvent(Event.PRACTICE_CHANGED, null, null, null,
                JsonObjects.builder().add("messagingEnabled", practice.isMessagingEnabled()).build());
        events.batch().add(accounts.stream().map(UUID.class::cast).toList(), changed).append();
    }
}
