package care.messaging.conversation.control;

import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Sending;
import care.messaging.conversation.entity.Sending.Facts;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

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

    /** The facts from {@link #COLUMNS} in a row, starting at the given index. */
    public static Facts facts(Object[] row, int from) {
        return new Facts(flag(row[from]), flag(row[from + 1]), flag(row[from + 2]), flag(row[from + 3]), flag(row[from + 4]));
    }

    static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }
}
