package care.messaging.conversation.control;

import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Reach;
import care.messaging.conversation.entity.Sending;
import care.messaging.conversation.entity.Sending.Facts;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads what decides whether a practitioner and a client may write to each other: the practice's switch,
 * the client's switch and discharge, the practitioner's block list, and whether the client signed up.
 * Every send asks here (through Participation), and the inbox reads the same columns, so what the apps
 * show is what a send would meet.
 */
@Dependent
public class SendingRules {

    /**
     * The facts as columns of a query over {@code conversation c} (or any row with practitioner_id and
     * client_id as {@code c}), {@code client cl} and {@code practice prac}, in the order of {@link Facts}.
     */
    public static final String COLUMNS = """
            prac.messaging_enabled, cl.enabled, cl.messaging_enabled,
            EXISTS (SELECT 1 FROM block b WHERE b.practitioner_id = c.practitioner_id AND b.client_id = cl.id),
            EXISTS (SELECT 1 FROM client_account sca JOIN account sa ON sa.id = sca.account_id
                     WHERE sca.client_id = cl.id AND sa.subject IS NOT NULL AND sa.enabled)""";

    static final String BETWEEN = "SELECT " + COLUMNS + """

              FROM (SELECT CAST(?1 AS uuid) AS practitioner_id) c, client cl JOIN practice prac ON prac.id = cl.practice_id
             WHERE cl.id = ?2""";

    /**
     * The same facts for many clients at once, counted by their combination (at most 2^5 rows, whatever the audience's
     * size), so {@link Sending#of} decides each combination exactly as it decides one send. {@code %s}: the rows
     * {@code c} (practitioner_id, client_id) joined to {@code cl} and {@code prac}, with their WHERE.
     */
    static final String COUNTED = "SELECT " + COLUMNS + ", count(*) FROM %s GROUP BY 1, 2, 3, 4, 5";
    static final String CHOSEN = """
            (SELECT CAST(?1 AS uuid) AS practitioner_id) c, client cl JOIN practice prac ON prac.id = cl.practice_id
             WHERE cl.id IN (%s)""";
    static final String THREADS = """
            conversation c JOIN client cl ON cl.id = c.client_id JOIN practice prac ON prac.id = cl.practice_id
             WHERE c.practitioner_id = CAST(?1 AS uuid) AND c.practice_id = ?2 AND c.kind = 'client'""";

    @PersistenceContext
    EntityManager em;

    /** What the reader, on their side of the conversation, may do now. */
    public Sending sending(Conversation conversation, boolean clientSide) {
        return Sending.of(between(conversation.practitionerId(), conversation.clientId()), clientSide);
    }

    /** What either colleague may do now in a colleague conversation: only the practice's switch applies. */
    public Sending colleagueSending(Conversation conversation) {
        return Sending.colleague(practiceMessaging(conversation.practiceId()));
    }

    /** Refuses (messaging-off) unless the practice's switch is on: all an announcement needs before it looks at each client. */
    public void requirePracticeMessaging(UUID practiceId) {
        Sending.colleague(practiceMessaging(practiceId)).require();
    }

    boolean practiceMessaging(UUID practiceId) {
        return flag(em.createNativeQuery("SELECT messaging_enabled FROM practice WHERE id = ?1")
                .setParameter(1, practiceId).getSingleResult());
    }

    /** The facts for a practitioner and a client, whether or not they have a conversation yet. */
    public Facts between(UUID practitionerId, UUID clientId) {
        var row = (Object[]) em.createNativeQuery(BETWEEN)
                .setParameter(1, practitionerId.toString())
                .setParameter(2, clientId)
                .getSingleResult();
        return facts(row, 0);
    }

    /** What the practitioner's side may do towards each of these clients now, counted (one statement). */
    public Reach practitionerReach(UUID practitionerId, Collection<UUID> clientIds) {
        var places = IntStream.range(0, clientIds.size()).mapToObj(i -> "?" + (i + 2)).collect(Collectors.joining(", "));
        var query = em.createNativeQuery(COUNTED.formatted(CHOSEN.formatted(places))).setParameter(1, practitionerId.toString());
        var i = 2;
        for (var client : clientIds) {
            query.setParameter(i++, client);
        }
        return reach(query.getResultList());
    }

    /** What the practitioner's side may do now towards every client they have a thread with, counted (one statement). */
    public Reach practitionerReachOfThreads(UUID practitionerId, UUID practiceId) {
        return reach(em.createNativeQuery(COUNTED.formatted(THREADS)).setParameter(1, practitionerId.toString())
                .setParameter(2, practiceId).getResultList());
    }

    static Reach reach(List<?> rows) {
        var reach = Reach.none();
        for (var row : rows.stream().map(Object[].class::cast).toList()) {
            reach = reach.with(Sending.of(facts(row, 0), false), ((Number) row[5]).intValue());
        }
        return reach;
    }

    /** The facts from {@link #COLUMNS} in a row, starting at the given index. */
    public static Facts facts(Object[] row, int from) {
        return new Facts(flag(row[from]), flag(row[from + 1]), flag(row[from + 2]), flag(row[from + 3]), flag(row[from + 4]));
    }

    static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }
}
