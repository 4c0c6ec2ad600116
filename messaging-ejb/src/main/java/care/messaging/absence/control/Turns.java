package care.messaging.absence.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Periods turning on and off: each change is claimed by one conditional UPDATE, so whichever node runs first
 * announces it and every other node finds nothing left (rows another node holds are skipped, and a row it has
 * changed no longer matches once its lock is gone). A period whose whole span passed while no node ran goes from
 * planned to ended in one step. Whatever was missed while every node was down is found by the next run, which
 * every node makes at start-up.
 */
@Dependent
public class Turns {

    /** A change this node claimed: the practitioner is away now or no longer. */
    public record Turn(UUID practitioner, UUID practice, boolean away) {
    }

    static final String CLAIM = """
            UPDATE absence a SET state = CASE WHEN a.ends_at IS NOT NULL AND a.ends_at <= ?1 THEN 'ended' ELSE 'active' END
             WHERE a.id IN (SELECT id FROM absence
                             WHERE state <> 'ended'
                               AND ((state = 'planned' AND starts_at <= ?1) OR (ends_at IS NOT NULL AND ends_at <= ?1))
                             ORDER BY starts_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
            RETURNING a.account_id, a.practice_id, a.state = 'active'""";
    static final String NEXT = """
            SELECT min(t) FROM (SELECT min(starts_at) AS t FROM absence WHERE state = 'planned'
                                UNION ALL SELECT min(ends_at) FROM absence WHERE state <> 'ended') changes""";

    @PersistenceContext
    EntityManager em;
    @Inject
    AwayNotices notices;

    /** Claims up to {@code limit} changes due at {@code now} and announces each; answers how many. */
    public int turn(OffsetDateTime now, int limit) {
        List<?> rows = em.createNativeQuery(CLAIM).setParameter(1, now).setParameter(2, limit).getResultList();
        for (var row : rows) {
            var r = (Object[]) row;
            notices.changed((UUID) r[0], (UUID) r[1], Boolean.TRUE.equals(r[2]));
        }
        return rows.size();
    }

    /** When the next change is due, if any is planned. */
    public Optional<OffsetDateTime> next() {
        var next = em.createNativeQuery(NEXT).getSingleResult();
        return Optional.ofNullable(next).map(care.messaging.platform.control.Rows::time);
    }
}
