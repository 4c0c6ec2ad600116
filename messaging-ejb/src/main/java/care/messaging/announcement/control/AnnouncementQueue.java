package care.messaging.announcement.control;

import care.messaging.conversation.control.PracticeThreads;
import care.messaging.crypto.entity.Sealed;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An announcement's delivery as rows: the announcement (its state and sealed text) and one row per recipient,
 * pending until a batch writes their copy or skips them. Every change is a conditional statement on the row's state,
 * and a batch holds the announcement FOR SHARE while it works, so a cancel (FOR UPDATE) waits for the batches in
 * flight and no batch starts after it; pending rows are claimed FOR UPDATE SKIP LOCKED, so nodes working one
 * announcement at once never take the same recipient, and a batch killed mid-way leaves its rows pending.
 */
@Dependent
public class AnnouncementQueue {

    /** What a batch needs of its announcement, read under the share lock. */
    public record Job(UUID id, UUID practiceId, UUID senderId, String state, byte[] body, boolean forPractice) {
    }

    static final String MY_CLIENTS = """
            INSERT INTO announcement_recipient (announcement_id, client_id)
            SELECT ?1, c.client_id FROM conversation c
             WHERE c.practitioner_id = ?2 AND c.practice_id = ?3 AND c.kind = 'client'""";
    static final String PENDING = """
            SELECT r.client_id FROM announcement_recipient r
             WHERE r.announcement_id = ?1 AND r.message_id IS NULL AND r.skipped IS NULL
             ORDER BY r.client_id LIMIT ?2 FOR UPDATE SKIP LOCKED""";

    @PersistenceContext
    EntityManager em;

    /** {@code forPractice}: an admin's announcement on behalf of the practice (its recipients name their threads). */
    public void open(UUID id, UUID practiceId, UUID senderId, OffsetDateTime at, OffsetDateTime startsAt, String zone,
                     boolean scheduled, Sealed body, boolean forPractice) {
        em.createNativeQuery("""
                        INSERT INTO announcement (id, practice_id, sender_id, sent_at, starts_at, time_zone, state, body, body_key, total, for_practice)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10)""")
                .setParameter(1, id).setParameter(2, practiceId).setParameter(3, senderId).setParameter(4, at)
                .setParameter(5, startsAt).setParameter(6, zone).setParameter(7, scheduled ? "scheduled" : "running")
                .setParameter(8, body.ciphertext()).setParameter(9, body.keyId()).setParameter(10, forPractice)
                .executeUpdate();
    }

    /** An announcement delivered at once by its writer (the demo data): done, with no text kept; its recipients follow. */
    public void openDelivered(UUID id, UUID practiceId, UUID senderId, OffsetDateTime at) {
        em.createNativeQuery("""
                        INSERT INTO announcement (id, practice_id, sender_id, sent_at, starts_at, state, finished_at, total)
                        VALUES (?1, ?2, ?3, ?4, ?4, 'done', ?4, 0)""")
                .setParameter(1, id).setParameter(2, practiceId).setParameter(3, senderId).setParameter(4, at)
                .executeUpdate();
    }

    /** The chosen clients as pending recipients, in one multi-row statement. */
    public int addChosen(UUID id, Collection<UUID> clients) {
        var values = IntStream.range(0, clients.size()).mapToObj(i -> "(?1, ?" + (i + 2) + ")").collect(Collectors.joining(", "));
        var insert = em.createNativeQuery("INSERT INTO announcement_recipient (announcement_id, client_id) VALUES " + values)
                .setParameter(1, id);
        var i = 2;
        for (var client : clients) {
            insert.setParameter(i++, client);
        }
        return total(id, insert.executeUpdate());
    }

    /** Every client the sender has a thread with, as pending recipients, by one INSERT … SELECT. */
    public int addMyClients(UUID id, UUID senderId, UUID practiceId) {
        var added = em.createNativeQuery(MY_CLIENTS).setParameter(1, id).setParameter(2, senderId).setParameter(3, practiceId)
                .executeUpdate();
        return total(id, added);
    }

    /**
     * The practice's clients (or the chosen practitioners' clients), each with the practitioner whose thread their copy
     * goes into, decided now (see {@link PracticeThreads}), by one INSERT … SELECT.
     */
    public int addForPractice(UUID id, UUID practiceId, Collection<UUID> practitioners) {
        var insert = em.createNativeQuery("INSERT INTO announcement_recipient (announcement_id, client_id, practitioner_id) "
                + "SELECT ?1, t.client_id, t.practitioner_id FROM (" + PracticeThreads.select(2, 3, practitioners.size()) + ") t")
                .setParameter(1, id).setParameter(2, practiceId);
        var i = 3;
        for (var practitioner : practitioners) {
            insert.setParameter(i++, practitioner);
        }
        return total(id, insert.executeUpdate());
    }

    /** Whose thread each of these recipients' copies goes into (only an announcement on behalf of the practice names them). */
    public Map<UUID, UUID> threadsOf(UUID id, Collection<UUID> clients) {
        List<?> rows = em.createNativeQuery("SELECT client_id, practitioner_id FROM announcement_recipient "
                        + "WHERE announcement_id = ?1 AND client_id = ANY (CAST(?2 AS uuid[]))")
                .setParameter(1, id).setParameter(2, clients.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        return rows.stream().map(Object[].class::cast).collect(Collectors.toMap(r -> (UUID) r[0], r -> (UUID) r[1]));
    }

    int total(UUID id, int total) {
        em.createNativeQuery("UPDATE announcement SET total = ?2 WHERE id = ?1").setParameter(1, id).setParameter(2, total).executeUpdate();
        return total;
    }

    /** The announcements whose time has come and that are not over: scheduled ones to start, running ones to go on with. */
    public List<UUID> due(OffsetDateTime now, int limit) {
        List<?> rows = em.createNativeQuery("""
                        SELECT id FROM announcement WHERE state IN ('scheduled', 'running') AND starts_at <= ?1
                         ORDER BY starts_at, id LIMIT ?2""")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    /** The next moment a scheduled announcement starts, if any: the timers' next single action. */
    public Optional<OffsetDateTime> nextStart() {
        List<?> rows = em.createNativeQuery("SELECT min(starts_at) FROM announcement WHERE state = 'scheduled'").getResultList();
        return rows.stream().filter(r -> r != null).map(Rows::time).findFirst();
    }

    /** A scheduled announcement whose start has come begins; whoever's statement changes the row, once. */
    public boolean start(UUID id, OffsetDateTime now) {
        return em.createNativeQuery("UPDATE announcement SET state = 'running' WHERE id = ?1 AND state = 'scheduled' AND starts_at <= ?2")
                .setParameter(1, id).setParameter(2, now).executeUpdate() == 1;
    }

    /** The announcement held FOR SHARE for one batch (a cancel waits for it), or nothing if it is gone. */
    public Optional<Job> forBatch(UUID id) {
        return job(id, "FOR SHARE");
    }

    /** The announcement held FOR UPDATE to change it (waits for the batches in flight). */
    public Optional<Job> forChange(UUID id) {
        return job(id, "FOR UPDATE");
    }

    Optional<Job> job(UUID id, String lock) {
        List<?> rows = em.createNativeQuery("SELECT id, practice_id, sender_id, state, body, for_practice FROM announcement WHERE id = ?1 " + lock)
                .setParameter(1, id).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Job((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (byte[]) r[4], Boolean.TRUE.equals(r[5]))).findFirst();
    }

    public List<UUID> claim(UUID id, int size) {
        List<?> rows = em.createNativeQuery(PENDING).setParameter(1, id).setParameter(2, size).getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    public void delivered(UUID id, UUID clientId, UUID conversationId, UUID messageId) {
        em.createNativeQuery("UPDATE announcement_recipient SET conversation_id = ?3, message_id = ?4 WHERE announcement_id = ?1 AND client_id = ?2")
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, conversationId).setParameter(4, messageId)
                .executeUpdate();
    }

    public void skipped(UUID id, UUID clientId, String reason) {
        em.createNativeQuery("UPDATE announcement_recipient SET skipped = ?3 WHERE announcement_id = ?1 AND client_id = ?2")
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, reason)
                .executeUpdate();
    }

    /** Done when nobody waits any more: the text is erased with it. */
    public boolean finishIfDelivered(UUID id, OffsetDateTime now) {
        return em.createNativeQuery("""
                        UPDATE announcement SET state = 'done', finished_at = ?2, body = NULL, body_key = NULL
                         WHERE id = ?1 AND state = 'running' AND NOT EXISTS (
                               SELECT 1 FROM announcement_recipient r WHERE r.announcement_id = ?1 AND r.message_id IS NULL AND r.skipped IS NULL)""")
                .setParameter(1, id).setParameter(2, now).executeUpdate() == 1;
    }

    /** Stops a scheduled or running announcement; the text is erased, the pending rows stay pending for ever. */
    public boolean cancel(UUID id, OffsetDateTime now) {
        return em.createNativeQuery("""
                        UPDATE announcement SET state = 'cancelled', finished_at = ?2, body = NULL, body_key = NULL
                         WHERE id = ?1 AND state IN ('scheduled', 'running')""")
                .setParameter(1, id).setParameter(2, now).executeUpdate() == 1;
    }

    /** A scheduled announcement's new text and start. */
    public boolean reschedule(UUID id, Sealed body, OffsetDateTime startsAt, String zone) {
        return em.createNativeQuery("""
                        UPDATE announcement SET body = ?2, body_key = ?3, starts_at = ?4, time_zone = ?5 WHERE id = ?1 AND state = 'scheduled'""")
                .setParameter(1, id).setParameter(2, body.ciphertext()).setParameter(3, body.keyId()).setParameter(4, startsAt)
                .setParameter(5, zone).executeUpdate() == 1;
    }
}
