package care.messaging.system;

import static care.messaging.system.Api.isNull;
import static care.messaging.system.Api.lastSeq;
import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.RIVERA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The main flow: a client writes, the practitioner sees it unread, reads it, and the client sees the receipt. */
@ExtendWith(PayaraServer.class)
class ConversationFlowIT {

    final Api api;

    ConversationFlowIT(Api api) {
        this.api = api;
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        var reply = api.server("/health/ready", "application/json");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("UP", reply.json().getString("status"));
    }

    @Test
    void clientSeesTheirConversationWithTheirPractitioner() {
        var conversation = api.conversationWith(ALEX, RIVERA.displayName);

        assertAll(
                () -> assertTrue(lastSeq(conversation) > 0),
                () -> assertTrue(isNull(conversation.getJsonObject("counterpart"), "note")),
                () -> assertFalse(api.messages(ALEX, conversation.getString("id")).isEmpty()));
    }

    @Test
    void clientMessageIsUnreadForThePractitionerUntilSheReadsItThenCarriesAReceipt() {
        var id = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var caughtUp = api.markRead(RIVERA, id, lastSeq(api.conversation(RIVERA, id)));
        assertEquals(200, caughtUp.status(), caughtUp::toString);
        assertEquals(0, caughtUp.json().getInt("unreadCount"));

        var sent = api.send(ALEX, id, UUID.randomUUID().toString(), "<p>Could we talk about <b>sleep</b> next time?</p>");

        assertEquals(201, sent.status(), sent::toString);
        var message = sent.json();
        var seq = message.getJsonNumber("seq").longValue();
        assertAll(
                () -> UUID.fromString(message.getString("id")),
                () -> assertEquals(ALEX.displayName, message.getJsonObject("sender").getString("displayName")),
                () -> assertEquals("<p>Could we talk about <b>sleep</b> next time?</p>", message.getString("html")),
                () -> assertTrue(isNull(message, "readAt")));
        var unread = api.conversation(RIVERA, id);
        assertEquals(1, unread.getInt("unreadCount"), unread::toString);
        assertEquals(seq, lastSeq(unread));
        assertTrue(isNull(receiptOf(id, message.getString("id")), "readAt"), "no receipt before she reads it");

        var read = api.markRead(RIVERA, id, seq);

        assertEquals(200, read.status(), read::toString);
        assertEquals(seq, read.json().getJsonNumber("seq").longValue());
        assertEquals(0, read.json().getInt("unreadCount"));
        assertEquals(0, api.conversation(RIVERA, id).getInt("unreadCount"));
        assertFalse(isNull(receiptOf(id, message.getString("id")), "readAt"), "the client sees when she read it");
    }

    @ParameterizedTest
    @EnumSource(names = {"RIVERA", "PARK", "ALEX", "JORDAN", "OKAFOR", "ROBIN"})
    void meTellsEachRoleWhoTheyAre(DemoPeople person) {
        var reply = api.get(person, "/me");

        assertEquals(200, reply.status(), reply::toString);
        var me = reply.json();
        assertAll(
                () -> assertEquals(person.role, me.getString("role")),
                () -> assertEquals(person.displayName, me.getString("displayName")),
                () -> assertEquals(person.practice, me.getJsonObject("practice").getString("name")));
    }

    private jakarta.json.JsonObject receiptOf(String conversationId, String messageId) {
        return api.messages(ALEX, conversationId).stream()
                .filter(m -> m.getString("id").equals(messageId))
                .findFirst().orElseThrow(() -> new AssertionError("message " + messageId + " is not in the thread"));
    }
}
