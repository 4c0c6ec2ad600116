package care.messaging.settings.control;

import care.messaging.conversation.control.SendingRules;
import care.messaging.conversation.control.UnreadCount;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.Sending;
import care.messaging.delivery.control.EventLog;
import care.messaging.delivery.entity.PendingEvent;
import care.messaging.delivery.entity.Event;
import care.messaging.platform.control.JsonObjects;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * A messaging setting changed what the participants of some conversations may do or see (a client's
 * switch, a block, a sign-up, a practitioner's messaging name, seen by clients and colleagues): every participant of each of them gets
 * {@code conversation.changed} with their unread count and their new {@code sending}, in the setting's
 * transaction, so open apps lock or unlock the input and refresh the row without polling. One query
 * finds them all, however many conversations a setting touches.
 */
@Dependent
public class SettingsNotifications {

    static final String MEMBERS = """
            SELECT c.id, c.last_seq, p.account_id, p.client_side,
                   """ + UnreadCount.messages("c.id", "p.second_side", "p.account_id") + """
,
            """ + SendingRules.COLUMNS + """
,
                   c.kind,
                   coalesce((SELECT s.marked_unread FROM conversation_state s
                              WHERE s.conversation_id = c.id AND s.account_id = p.account_id), false)
              FROM conversation c
              LEFT JOIN client cl ON cl.id = c.client_id
              JOIN practice prac ON prac.id = c.practice_id
              CROSS JOIN LATERAL (SELECT c.practitioner_id AS account_id, false AS client_side, false AS second_side
                                  UNION ALL
                                  SELECT c.colleague_id, false, true WHERE c.colleague_id IS NOT NULL
                                  UNION ALL
                                  SELECT account_id, true, true FROM client_account WHERE client_id = c.client_id) p
            """;

    @PersistenceContext
    EntityManager em;
    @Inject
    EventLog events;

    /** Every conversation of the client, e.g. after their messaging switch moved. */
    public void ofClient(UUID clientId) {
        notify(MEMBERS + " WHERE c.client_id = ?1", clientId);
    }

    /** Every conversation of the practitioner, with clients and colleagues, e.g. after their messaging name changed. */
    public void ofPractitioner(UUID practitionerId) {
        notify(MEMBERS + " WHERE c.practitioner_id = ?1 OR c.colleague_id = ?1", practitionerId);
    }

    /** Every conversation of the clients a portal account acts for, e.g. after it signed up. */
    public void ofPortalAccount(UUID accountId) {
        notify(MEMBERS + " WHERE c.client_id IN (SELECT client_id FROM client_account WHERE account_id = ?1)", accountId);
    }

    /** The conversation of a practitioner and a client, if they have one, e.g. after a block. */
    public void between(UUID practitionerId, UUID clientId) {
        notify(MEMBERS + " WHERE c.practitioner_id = ?1 AND c.client_id = ?2", practitionerId, clientId);
    }

    void notify(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (var i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        var batch = events.batch();
        for (var row : rows.stream().map(Object[].class::cast).toList()) {
            var facts = SendingRules.facts(row, 5);
            var sending = ConversationSummary.COLLEAGUE.equals(row[10])
                    ? Sending.colleague(facts.practiceMessaging()) : Sending.of(facts, (Boolean) row[3]);
            var unread = UnreadCount.shown(Rows.number(row[4]), Boolean.TRUE.equals(row[11]));
            batch.add((UUID) row[2], new PendingEvent(Event.CONVERSATION_CHANGED, (UUID) row[0], null, Rows.number(row[1]),
                    JsonObjects.builder().add("unreadCount", unread).add("sending", json(sending)).build()));
        }
        batch.append();
    }

    /** The same shape as a conversation summary's {@code sending}. */
    static JsonObject json(Sending sending) {
        var object = JsonObjects.builder().add("allowed", sending.allowed());
        if (sending.reason() == null) {
            object.addNull("reason");
        } else {
            object.add("reason", sending.reason());
        }
        return object.add("clientSignedUp", sending.clientSignedUp()).add("clientBlocked", sending.clientBlocked()).build();
    }
}
