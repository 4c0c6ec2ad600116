package care.messaging.directory.control;

import care.messaging.directory.entity.PortalAccountView;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** The portal accounts acting for a client as an admin sees them: the client's own first, then guardians by name. */
@Dependent
public class PortalAccountList {

    static final String LIST = """
            SELECT a.id, a.display_name, ca.relationship, a.email, a.subject IS NOT NULL, a.signed_up_at, a.enabled
              FROM client_account ca JOIN account a ON a.id = ca.account_id
             WHERE ca.client_id = ?1 %s ORDER BY ca.relationship DESC, a.display_name, a.id""";

    @PersistenceContext
    EntityManager em;

    public List<PortalAccountView> of(UUID clientId) {
        return views(em.createNativeQuery(LIST.formatted("")).setParameter(1, clientId).getResultList());
    }

    public PortalAccountView one(UUID clientId, UUID accountId) {
        return views(em.createNativeQuery(LIST.formatted("AND a.id = ?2"))
                .setParameter(1, clientId).setParameter(2, accountId).getResultList()).get(0);
    }

    static List<PortalAccountView> views(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(r -> new PortalAccountView((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], Boolean.TRUE.equals(r[4]), Rows.time(r[5]), Boolean.TRUE.equals(r[6]))).toList();
    }
}
