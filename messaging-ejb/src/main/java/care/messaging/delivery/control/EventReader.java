package care.messaging.delivery.control;

import care.messaging.platform.control.JsonObjects;
import care.messaging.platform.control.Rows;
import care.messaging.delivery.entity.Event;
import care.messaging.delivery.entity.EventPage;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Reads an account's events after a cursor; a cursor older than what is kept answers resync. */
@Dependent
public class EventReader {

    static final String STREAM = "SELECT last_cursor, trimmed_through FROM event_stream WHERE account_id = ?1";
    static final String AFTER = """
            SELECT cursor, type, conversation_id, message_id, seq, CAST(facts AS text), created_at
              FROM event WHERE account_id = ?1 AND cursor > ?2 ORDER BY cursor LIMIT ?3""";

    @PersistenceContext
    EntityManager em;

    /** The account's cursor now: a client that loads its state after asking this misses no later change. */
    public long position(UUID account) {
        List<?> stream = em.createNativeQuery(STREAM).setParameter(1, account).getResultList();
        return stream.isEmpty() ? 0 : Rows.number(((Object[]) stream.get(0))[0]);
    }

    public EventPage after(UUID account, long after, int limit) {
        List<?> stream = em.createNativeQuery(STREAM).setParameter(1, account).getResultList();
        if (stream.isEmpty()) {
            // Nothing was ever appended for this account: cursor 0 is current, anything else is not ours.
            return new EventPage(List.of(), 0, after != 0);
        }
        var row = (Object[]) stream.get(0);
        var last = Rows.number(row[0]);
        var trimmed = Rows.number(row[1]);
        if (after < trimmed || after > last) {
            return new EventPage(List.of(), last, true);
        }
        List<?> rows = em.createNativeQuery(AFTER).setParameter(1, account).setParameter(2, after).setParameter(3, limit)
                .getResultList();
        var events = rows.stream().map(Object[].class::cast).map(EventReader::event).toList();
        return new EventPage(events, events.isEmpty() ? after : events.get(events.size() - 1).cursor(), false);
    }

    static Event event(Object[] r) {
        return new Event(Rows.number(r[0]), (String) r[1], (UUID) r[2], (UUID) r[3],
                r[4] == null ? null : Rows.number(r[4]), facts((String) r[5]), Rows.time(r[6]));
    }

    static JsonObject facts(String json) {
        if (json == null) {
            return null;
        }
        return JsonObjects.parse(json);
    }
}
