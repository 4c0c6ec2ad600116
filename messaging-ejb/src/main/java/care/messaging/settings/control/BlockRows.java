package care.messaging.settings.control;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.platform.control.Rows;
import care.messaging.settings.entity.BlockView;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A practitioner's block list; adding and removing are idempotent, also when two requests race. */
@Dependent
public class BlockRows {

    static final String LIST = """
            SELECT b.client_id, cl.display_name, b.blocked_at FROM block b JOIN client cl ON cl.id = b.client_id
             WHERE b.practitioner_id = ?1 %s ORDER BY cl.display_name, cl.id""";

    @PersistenceContext
    EntityManager em;

    public List<BlockView> of(Account practitioner) {
        return views(em.createNativeQuery(LIST.formatted("")).setParameter(1, practitioner.id()).getResultList());
    }

    /** Answers whether the client was not blocked before. */
    public boolean add(Account practitioner, Client client, OffsetDateTime at) {
        return em.createNativeQuery("""
                        INSERT INTO block (practitioner_id, client_id, practice_id, blocked_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (practitioner_id, client_id) DO NOTHING""")
                .setParameter(1, practitioner.id()).setParameter(2, client.id()).setParameter(3, client.practiceId())
                .setParameter(4, at).executeUpdate() == 1;
    }

    /** Answers whether the client was blocked. */
    public boolean remove(Account practitioner, Client client) {
        return em.createNativeQuery("DELETE FROM block WHERE practitioner_id = ?1 AND client_id = ?2")
                .setParameter(1, practitioner.id()).setParameter(2, client.id()).executeUpdate() == 1;
    }

    public BlockView one(Account practitioner, Client client) {
        return views(em.createNativeQuery(LIST.formatted("AND b.client_id = ?2"))
                .setParameter(1, practitioner.id()).setParameter(2, client.id()).getResultList()).get(0);
    }

    static List<BlockView> views(List<?> rows) {
        return rows.stream().map(Object[].class::cast)
                .map(r -> new BlockView((UUID) r[0], (String) r[1], Rows.time(r[2]))).toList();
    }
}
