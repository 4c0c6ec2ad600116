package care.messaging.conversation.control;

import care.messaging.conversation.entity.Reach;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The thread through which an announcement on behalf of the practice reaches each client: one per client, among the
 * threads the client has with the practice's practitioners (all of them, or the chosen ones), the thread of an
 * enabled practitioner first, then the one most recently active. A client with no such thread is not in the audience:
 * the practice speaks to a client in a thread the client already has. The recipients' rows and the preview's counts
 * are both made from {@link #select}, so they name the same clients and threads.
 */
@Dependent
public class PracticeThreads {

    @PersistenceContext
    EntityManager em;

    /**
     * A SELECT of (client_id, practitioner_id), one row per client: the practice is parameter {@code ?practice}, the
     * chosen practitioners {@code count} parameters from {@code ?from} on (0: every practitioner of the practice).
     */
    public static String select(int practice, int from, int count) {
        var chosen = count == 0 ? "" : " AND c.practitioner_id IN ("
                + IntStream.range(from, from + count).mapToObj(i -> "?" + i).collect(Collectors.joining(", ")) + ")";
        return """
                SELECT DISTINCT ON (c.client_id) c.client_id, c.practitioner_id
                  FROM conversation c JOIN account p ON p.id = c.practitioner_id
                 WHERE c.practice_id = ?%d AND c.kind = 'client'%s
                 ORDER BY c.client_id, p.enabled DESC, c.last_activity_at DESC, c.practitioner_id""".formatted(practice, chosen);
    }

    /** What the practitioner's side of each of those threads may do now, counted in one statement: the preview. */
    public Reach reach(UUID practiceId, Collection<UUID> practitioners) {
        var threads = "(" + select(1, 2, practitioners.size()) + ") c JOIN client cl ON cl.id = c.client_id "
                + "JOIN practice prac ON prac.id = cl.practice_id";
        var query = em.createNativeQuery(SendingRules.COUNTED.formatted(threads)).setParameter(1, practiceId);
        var i = 2;
        for (var practitioner : practitioners) {
            query.setParameter(i++, practitioner);
        }
        return SendingRules.reach(query.getResultList());
    }
}
