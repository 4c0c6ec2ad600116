package care.messaging.delivery.control;

import care.messaging.delivery.entity.Draft;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends events in the caller's transaction. Each account's stream row is locked while its cursors are
 * handed out and until commit, in account-id order within a batch (so two batches cannot deadlock on
 * each other), and one NOTIFY names the accounts; PostgreSQL delivers it only if the transaction commits.
 */
@Dependent
public class EventLog {

    public static final String CHANNEL = "messaging_events";

    static final String ADVANCE = """
            INSERT INTO event_stream (account_id, last_cursor) VALUES (?1, ?2)
            ON CONFLICT (account_id) DO UPDATE SET last_cursor = event_stream.last_cursor + ?2
            RETURNING last_cursor""";
    static final String INSERT = """
            INSERT INTO event (account_id, cursor, type, conversation_id, message_id, seq, facts, created_at)
            VALUES (?1, ?2, ?3, CAST(?4 AS uuid), CAST(?5 AS uuid), CAST(?6 AS bigint), CAST(?7 AS jsonb), ?8)""";
    static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?1)";

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    public Batch batch() {
        return new Batch();
    }

    /** The events of one use case, appended together at the end of it. */
    public final class Batch {

        private final TreeMap<UUID, List<Draft>> drafts = new TreeMap<>();

        public Batch add(UUID account, Draft draft) {
            drafts.computeIfAbsent(account, a -> new ArrayList<>()).add(draft);
            return this;
        }

        public Batch add(Collection<UUID> accounts, Draft draft) {
            accounts.forEach(account -> add(account, draft));
            return this;
        }

        public void append() {
            if (drafts.isEmpty()) {
                return;
            }
            var at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            for (var entry : drafts.entrySet()) {
                var list = entry.getValue();
                var last = ((Number) em.createNativeQuery(ADVANCE)
                        .setParameter(1, entry.getKey()).setParameter(2, list.size())
                        .getSingleResult()).longValue();
                var cursor = last - list.size();
                for (var draft : list) {
                    em.createNativeQuery(INSERT)
                            .setParameter(1, entry.getKey())
                            .setParameter(2, ++cursor)
                            .setParameter(3, draft.type())
                            .setParameter(4, draft.conversationId() == null ? null : draft.conversationId().toString())
                            .setParameter(5, draft.messageId() == null ? null : draft.messageId().toString())
                            .setParameter(6, draft.seq())
                            .setParameter(7, draft.facts() == null ? null : draft.facts().toString())
                            .setParameter(8, at)
                            .executeUpdate();
                }
            }
            em.createNativeQuery(NOTIFY)
                    .setParameter(1, drafts.keySet().stream().map(UUID::toString).collect(Collectors.joining(",")))
                    .getSingleResult();
        }
    }
}
