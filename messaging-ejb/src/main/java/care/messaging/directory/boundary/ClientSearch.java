package care.messaging.directory.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.ClientMatch;
import care.messaging.directory.entity.Guardians;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Practitioners and admins find the practice's clients by name (the client's or a guardian's), to start a
 * conversation or fill a block list: practitioners those in care only, admins discharged ones too ({@code inCare}
 * false), so that they can re-admit them. Names are PHI: the query comes in a request body, never a
 * URL, is not stored, and each search is audited without it.
 */
@Stateless
public class ClientSearch {

    public static final int MAX_QUERY = 100;
    public static final int MAX_LIMIT = 50;

    static final String SEARCH = """
            SELECT cl.id, cl.display_name, cl.minor, cl.messaging_enabled,
                   (SELECT string_agg(g.display_name, chr(31) ORDER BY g.display_name)
                      FROM client_account ca JOIN account g ON g.id = ca.account_id
                     WHERE ca.client_id = cl.id AND ca.relationship = 'guardian'),
                   EXISTS (SELECT 1 FROM client_account ca JOIN account a ON a.id = ca.account_id
                            WHERE ca.client_id = cl.id AND a.subject IS NOT NULL AND a.enabled),
                   EXISTS (SELECT 1 FROM block b WHERE b.practitioner_id = ?2 AND b.client_id = cl.id),
                   cl.enabled
              FROM client cl
             WHERE cl.practice_id = ?1 AND (cl.enabled OR ?5)
               AND (strpos(lower(cl.display_name), lower(?3)) > 0
                    OR EXISTS (SELECT 1 FROM client_account ca JOIN account g ON g.id = ca.account_id
                                WHERE ca.client_id = cl.id AND ca.relationship = 'guardian'
                                  AND strpos(lower(g.display_name), lower(?3)) > 0))
             ORDER BY cl.display_name, cl.id
             LIMIT ?4""";

    @Inject
    Accounts accounts;
    @Inject
    AuditTrail audit;
    @PersistenceContext
    EntityManager em;

    /** Clients whose name, or a guardian's, contains the query (case-insensitive); at most limit (20 by default). */
    @Attempts(Action.CLIENT_SEARCH)
    public List<ClientMatch> search(Identity identity, String query, Integer limit) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER, Role.ADMIN));
        var text = query == null ? "" : query.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY) {
            throw new DomainException(ProblemType.INVALID_QUERY, "query must be 1 to " + MAX_QUERY + " characters");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new DomainException(ProblemType.INVALID_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        }
        List<?> rows = em.createNativeQuery(SEARCH)
                .setParameter(1, me.practiceId())
                .setParameter(2, me.id())
                .setParameter(3, text)
                .setParameter(4, limit == null ? 20 : limit)
                .setParameter(5, me.role() == Role.ADMIN)
                .getResultList();
        var matches = rows.stream().map(Object[].class::cast).map(r -> match(r, me.role() == Role.PRACTITIONER)).toList();
        audit.record(me.actor(), Action.CLIENT_SEARCH, SUCCESS, Targets.none());
        return matches;
    }

    static ClientMatch match(Object[] r, boolean practitioner) {
        var name = (String) r[1];
        var guardians = (String) r[4];
        return new ClientMatch((UUID) r[0], name, Boolean.TRUE.equals(r[2]),
                Guardians.note(guardians, name),
                Boolean.TRUE.equals(r[5]), Boolean.TRUE.equals(r[3]), practitioner ? Boolean.TRUE.equals(r[6]) : null,
                practitioner ? null : Boolean.TRUE.equals(r[7]));
    }
}
