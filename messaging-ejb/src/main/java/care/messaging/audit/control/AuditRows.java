package care.messaging.audit.control;

import care.messaging.audit.entity.AuditEvent;
import care.messaging.audit.entity.Origin;
import care.messaging.audit.entity.Targets;
import care.messaging.platform.entity.Actor;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads the audit trail back as stored, for verification and export. */
@Dependent
public class AuditRows {

    /** A chain's head as stored; a chain nobody appended to yet has none, which reads as empty. */
    public record Head(long lastNo, byte[] lastHash) {
    }

    static final String COLUMNS = """
            SELECT no, at, practice_id, actor_id, actor_role, subject, action, attempted_action, outcome, reason,
                   conversation_id, message_id, client_id, subject_account_id, source_address, request_id,
                   prev_hash, hash
              FROM audit_event
            """;
    static final String PAGE = COLUMNS + " WHERE chain = CAST(?1 AS uuid) AND no > ?2 AND no <= ?3 ORDER BY no LIMIT ?4";
    static final String HEAD = "SELECT last_no, last_hash FROM audit_head WHERE chain = CAST(?1 AS uuid)";
    // One statement, so a row and the head move that an append commits together are seen together.
    static final String BEYOND_HEAD = """
            SELECT min(e.no) FROM audit_event e
             WHERE e.chain = CAST(?1 AS uuid)
               AND e.no > coalesce((SELECT h.last_no FROM audit_head h WHERE h.chain = e.chain), 0)""";

    @PersistenceContext
    EntityManager em;

    public Head head(UUID chain) {
        List<?> rows = em.createNativeQuery(HEAD).setParameter(1, chain).getResultList();
        if (rows.isEmpty()) {
            return new Head(0, AuditEvent.GENESIS);
        }
        var row = (Object[]) rows.get(0);
        return new Head(((Number) row[0]).longValue(), (byte[]) row[1]);
    }

    /** Rows after {@code after} up to {@code upTo}, in chain order. */
    public List<AuditEvent> page(UUID chain, long after, long upTo, int limit) {
        return events(em.createNativeQuery(PAGE).setParameter(1, chain).setParameter(2, after)
                .setParameter(3, upTo).setParameter(4, limit).getResultList());
    }

    public OptionalLong firstBeyondHead(UUID chain) {
        var no = em.createNativeQuery(BEYOND_HEAD).setParameter(1, chain).getSingleResult();
        return no == null ? OptionalLong.empty() : OptionalLong.of(((Number) no).longValue());
    }

    /** A chain's events in [from, to), those of one account (as actor or target) or one client if given. */
    public List<AuditEvent> between(UUID chain, OffsetDateTime from, OffsetDateTime to, UUID accountId, UUID clientId,
                                    int limit) {
        var parameters = new ArrayList<Object>(List.of(chain, from, to));
        var sql = new StringBuilder(COLUMNS).append(" WHERE chain = CAST(?1 AS uuid) AND at >= ?2 AND at < ?3");
        if (accountId != null) {
            parameters.add(accountId);
            var n = parameters.size();
            sql.append(" AND (actor_id = CAST(?").append(n).append(" AS uuid) OR subject_account_id = CAST(?")
                    .append(n).append(" AS uuid))");
        }
        if (clientId != null) {
            parameters.add(clientId);
            sql.append(" AND client_id = CAST(?").append(parameters.size()).append(" AS uuid)");
        }
        parameters.add(limit);
        sql.append(" ORDER BY no LIMIT ?").append(parameters.size());
        var query = em.createNativeQuery(sql.toString());
        for (var i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return events(query.getResultList());
    }

    static List<AuditEvent> events(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(AuditRows::event).toList();
    }

    static AuditEvent event(Object[] r) {
        return new AuditEvent(((Number) r[0]).longValue(), time(r[1]), (UUID) r[2],
                new Actor((UUID) r[3], (UUID) r[2], (String) r[4], (String) r[5]), (String) r[6], (String) r[7], (String) r[8],
                (String) r[9], new Targets((UUID) r[10], (UUID) r[11], (UUID) r[12], (UUID) r[13]),
                new Origin((String) r[14], (String) r[15]), (byte[]) r[16], (byte[]) r[17]);
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
