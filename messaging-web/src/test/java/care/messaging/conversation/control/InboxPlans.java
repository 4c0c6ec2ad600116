package care.messaging.conversation.control;

import care.messaging.conversation.entity.Folder;
import care.messaging.platform.control.Rows;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Seeds a practitioner with many conversations straight in SQL and asks PostgreSQL how it runs the
 * inbox's own page query (EXPLAIN ANALYZE): how many conversation rows it really read.
 */
@Stateless
public class InboxPlans {

    public record Seeded(UUID practitioner, UUID middleId, OffsetDateTime middleActivity) {
    }

    @PersistenceContext
    EntityManager em;

    /** One practice: a practitioner with this many client conversations and colleague conversations on both sides of the pair. */
    public Seeded seed(int clients, int colleagues) {
        var practice = UUID.randomUUID();
        var me = UUID.randomUUID();
        update("INSERT INTO practice (id, name) VALUES (?1, ?2)", practice, "Plan practice " + practice);
        update("""
                INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at)
                VALUES (?1, ?2, ?3, ?3, 'practitioner', 'Dr. Busy', now())""", me, practice, "plan-" + me);
        update("""
                INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at)
                SELECT gen_random_uuid(), ?1, 'plan-' || gen_random_uuid(), NULL, 'practitioner', 'Dr. Colleague ' || g, now()
                  FROM generate_series(1, ?2) g""", practice, colleagues);
        update("""
                INSERT INTO client (id, practice_id, display_name, minor)
                SELECT gen_random_uuid(), ?1, 'Client ' || g, false FROM generate_series(1, ?2) g""", practice, clients);
        update("""
                INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at)
                SELECT gen_random_uuid(), ?1, ?2, c.id, now(), now() - random() * interval '60 days'
                  FROM client c WHERE c.practice_id = ?1""", practice, me);
        update("""
                INSERT INTO conversation (id, practice_id, practitioner_id, colleague_id, kind, created_at, last_activity_at)
                SELECT gen_random_uuid(), ?1, least(?2, a.id), greatest(?2, a.id), 'colleague', now(), now() - random() * interval '60 days'
                  FROM account a WHERE a.practice_id = ?1 AND a.id <> ?2""", practice, me);
        em.createNativeQuery("ANALYZE conversation").executeUpdate();
        em.createNativeQuery("ANALYZE conversation_state").executeUpdate();
        var middle = (Object[]) em.createNativeQuery("""
                        SELECT id, last_activity_at FROM conversation WHERE practitioner_id = ?1 OR colleague_id = ?1
                         ORDER BY last_activity_at DESC, id DESC OFFSET ?2 LIMIT 1""")
                .setParameter(1, me).setParameter(2, clients / 2).getSingleResult();
        return new Seeded(me, (UUID) middle[0], Rows.time(middle[1]));
    }

    /** The rows of table conversation the page query read, in all its scans, and the rows it answered. */
    public record Reads(long conversationRows, long answered) {
    }

    public Reads page(Seeded seeded, int limit, boolean afterMiddle) {
        var query = em.createNativeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + Inbox.practitionerPage(Folder.INBOX, afterMiddle))
                .setParameter(1, seeded.practitioner()).setParameter(2, false)
                .setParameter(5, limit + 1).setParameter(6, OffsetDateTime.now().minusMinutes(5));
        if (afterMiddle) {
            query.setParameter(3, seeded.middleActivity()).setParameter(4, seeded.middleId());
        }
        JsonArray explained;
        try (var reader = Json.createReader(new StringReader(query.getSingleResult().toString()))) {
            explained = reader.readArray();
        }
        var plan = explained.getJsonObject(0).getJsonObject("Plan");
        return new Reads(conversationRows(plan), plan.getJsonNumber("Actual Rows").longValue());
    }

    static long conversationRows(JsonObject node) {
        var rows = "conversation".equals(node.getString("Relation Name", null))
                ? node.getJsonNumber("Actual Rows").longValue() * node.getJsonNumber("Actual Loops").longValue() : 0;
        for (JsonValue child : node.getJsonArray("Plans") == null ? JsonValue.EMPTY_JSON_ARRAY : node.getJsonArray("Plans")) {
            rows += conversationRows(child.asJsonObject());
        }
        return rows;
    }

    void update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
