package care.messaging.practice.control;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Practice;
import care.messaging.practice.entity.PracticeName;
import care.messaging.practice.entity.PracticeSummary;
import care.messaging.platform.control.Rows;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** The register of practices: what IT sees of each, and which names are taken. */
@Dependent
public class Register {

    static final String SUMMARIES = """
            SELECT p.id, p.name, p.created_at,
                   (SELECT count(*) FROM account a WHERE a.practice_id = p.id AND a.role IN ('practitioner', 'admin') AND a.enabled),
                   (SELECT count(*) FROM client c WHERE c.practice_id = p.id AND c.enabled)
              FROM practice p
             WHERE p.id <> ?1""";

    @PersistenceContext
    EntityManager em;

    /** Every practice but the nil practice of IT's own accounts, by name. */
    public List<PracticeSummary> all() {
        return summaries(SUMMARIES + " ORDER BY lower(p.name), p.id", Practice.NONE);
    }

    public PracticeSummary of(UUID practice) {
        return summaries(SUMMARIES + " AND p.id = ?2", Practice.NONE, practice).get(0);
    }

    /**
     * Refuses a name some practice already has, whatever its case. Locks the nil practice's row first, until
     * commit, so that two foundings of one name serialize and the second sees the first.
     */
    public void claim(PracticeName name) {
        em.createNativeQuery("SELECT id FROM practice WHERE id = ?1 FOR UPDATE").setParameter(1, Practice.NONE).getResultList();
        var taken = ((Number) em.createNativeQuery("SELECT count(*) FROM practice WHERE lower(name) = ?1 AND id <> ?2")
                .setParameter(1, name.key()).setParameter(2, Practice.NONE).getSingleResult()).longValue();
        if (taken > 0) {
            throw new DomainException(ProblemType.PRACTICE_NAME_IN_USE, "A practice of this name exists already");
        }
    }

    /**
     * The admin account made with the practice (its oldest), locked until commit; the nil practice, an unknown
     * id or a practice without an admin is 404.
     */
    public Account firstAdmin(UUID practice) {
        List<?> ids = em.createNativeQuery("SELECT id FROM account WHERE practice_id = ?1 AND practice_id <> ?2 AND role = 'admin'"
                        + " ORDER BY created_at, id LIMIT 1")
                .setParameter(1, practice).setParameter(2, Practice.NONE).getResultList();
        if (ids.isEmpty()) {
            throw DomainException.notFound();
        }
        return em.find(Account.class, ids.get(0), LockModeType.PESSIMISTIC_WRITE);
    }

    List<PracticeSummary> summaries(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (var i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new PracticeSummary((UUID) r[0], (String) r[1],
                Rows.time(r[2]), Rows.number(r[3]), Rows.number(r[4]))).toList();
    }
}
