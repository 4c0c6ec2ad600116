package care.messaging.directory.boundary;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.entity.Action;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The practice's practitioners as everyone of it sees them in messaging: a client picks whom to write to
 * here. Staff names under which they message are no PHI, so a successful read is not audited.
 */
@Stateless
public class Practitioners {

    /** {@code displayName}: the practitioner's messaging name. */
    public record PractitionerView(UUID id, String displayName) {
    }

    @Inject
    Accounts accounts;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.PRACTITIONER_LIST)
    public List<PractitionerView> list(Identity identity) {
        var me = accounts.authenticate(identity);
        List<?> rows = em.createNativeQuery("""
                        SELECT id, coalesce(messaging_name, display_name) AS name FROM account
                         WHERE practice_id = ?1 AND role = 'practitioner' AND enabled
                         ORDER BY name, id""")
                .setParameter(1, me.practiceId()).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new PractitionerView((UUID) r[0], (String) r[1])).toList();
    }
}
