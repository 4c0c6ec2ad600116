package care.messaging.delivery.control;

import care.messaging.platform.entity.StoredTime;
import care.messaging.delivery.entity.PendingEvent;
import care.messaging.platform.control.JsonObjects;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends events in the caller's transaction, a batch in one statement. Each account's stream row is
 * locked while its cursors are handed out and until commit, in account-id order within a batch (so two
 * batches cannot deadlock on each other), and one NOTIFY names the accounts; PostgreSQL delivers it only
 * if the transaction commits.
 */
@Dependent
public class EventLog {

    /** The NOTIFY channel (spelled out in {@link #APPEND} too). */
    public static final String CHANNEL = "messaging_events";

    /**
     * A batch in one round trip: its events as a JSON array (account, ordinal within the account, type,
     * ids, facts; never text), the stream rows advanced in account-id order, the events inserted with their
     * cursors, and the NOTIFY, which PostgreSQL holds until the transaction commits.
     */
    static final String APPEND = """
            WITH input AS (
                SELECT CAST(x->>'a' AS uuid) AS account_id, CAST(x->>'o' AS bigint) AS ord, x->>'t' AS type,
                       CAST(x->>'c' AS uuid) AS conversation_id, CAST(x->>'m' AS uuid) AS message_id,
                       CAST(x->>'s' AS bigint) AS seq, x->'f' AS facts
                  FROM jsonb_array_elements(CAST(?1 AS jsonb)) AS x),
            counts AS (
                SELECT account_id, count(*) AS n FROM input GROUP BY account_id),
            streams AS (
                INSERT INTO event_stream AS s (account_id, last_cursor)
                SELECT account_id, n FROM counts ORDER BY account_id
                ON CONFLICT (account_id) DO UPDATE SET last_cursor = s.last_cursor + EXCLUDED.last_cursor
                RETURNING account_id, last_cursor),
            inserted AS (
                INSERT INTO event (account_id, cursor, type, conversation_id, message_id, seq, facts, created_at)
                SELECT i.account_id, st.last_cursor - c.n + i.ord, i.type, i.conversation_id, i.message_id, i.seq,
                       i.facts, CAST(?2 AS timestamptz)
                  FROM input i JOIN counts c USING (account_id) JOIN streams st USING (account_id)
                RETURNING 1)
            SELECT (SELECT count(*) FROM inserted), pg_notify('messaging_events', ?3)""";

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    public Batch batch() {
        return new Batch();
    }

    /** The events of one use case, appended together at the end of it. */
    public final class Batch {

        private final TreeMap<UUID, List<PendingEvent>> pending = new TreeMap<>();

        public Batch add(UUID account, PendingEvent event) {
            pending.computeIfAbsent(account, a -> new ArrayList<>()).add(event);
            return this;
        }

        public Batch add(Collection<UUID> accounts, PendingEvent event) {
            accounts.forEach(account -> add(account, event));
            return this;
        }

        public void append() {
            if (pending.isEmpty()) {
                return;
            }
            var at = StoredTime.now(clock);
            var rows = JsonObjects.arrayBuilder();
            for (var entry : pending.entrySet()) {
                var ordinal = 0;
                for (var event : entry.getValue()) {
                    var row = JsonObjects.builder()
                            .add("a", entry.getKey().toString()).add("o", ++ordinal).add("t", event.type());
                    if (event.conversationId() != null) {
                        row.add("c", event.conversationId().toString());
                    }
                    if (event.messageId() != null) {
                        row.add("m", event.messageId().toString());
                    }
                    if (event.seq() != null) {
                        row.add("s", event.seq());
                    }
                    if (event.facts() != null) {
                        row.add("f", event.facts());
                    }
                    rows.add(row);
                }
            }
            em.createNativeQuery(APPEND)
                    .setParameter(1, rows.build().toString())
                    .setParameter(2, at)
                    .setParameter(3, pending.keySet().stream().map(UUID::toString).collect(Collectors.joining(",")))
                    .getSingleResult();
        }
    }
}
