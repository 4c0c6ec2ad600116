package care.messaging.system;

import static care.messaging.system.DemoPeople.CHEN;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static care.messaging.system.StoredText.assertStoredNowhere;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sender deletes their own message: the text is erased from the database, both sides see "deleted" in
 * its place, every device is told, the audit trail keeps that it happened; nobody else may.
 */
@ExtendWith(PayaraServer.class)
class MessageDeletionIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;
    final EventStream events;

    MessageDeletionIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
        this.events = new EventStream(api);
    }

    @Test
    void theSendersMessageIsErasedAndBothSidesSeeItDeletedInItsPlace() {
        var thread = SeededThread.start(api, people, "Dr. June Harper", "Eli Stroud");
        var sender = thread.practitioner();
        var marker = "Deletemarker-" + UUID.randomUUID();
        var doomed = send(sender, thread, "<p>" + marker + "</p>");
        send(sender, thread, "<p>The last word</p>");
        assertEquals(200, api.markRead(thread.portal(), thread.id(), 2).status());
        var senderFrom = events.end(sender);
        var clientFrom = events.end(thread.portal());

        var deleted = api.delete(sender, messagePath(thread, doomed));

        assertEquals(200, deleted.status(), deleted::toString);
        assertDeleted(deleted.json(), doomed, 1);
        var stored = sql.query("SELECT body, body_key, deleted_at FROM message WHERE id = ?::uuid", doomed).get(0);
        assertAll(
                () -> assertNull(stored.get("body"), "the ciphertext is gone, not just flagged"),
                () -> assertNull(stored.get("body_key")),
                () -> assertTrue(stored.get("deleted_at") != null));
        assertStoredNowhere(sql, marker);
        for (var reader : List.<Caller>of(sender, thread.portal())) {
            var shown = message(reader, thread, doomed);
            assertDeleted(shown, doomed, 1);
            assertFalse(Api.isNull(shown, "readAt"), "the receipt stays: " + shown);
            assertEquals("<p>The last word</p>", api.messages(reader, thread.id()).get(0).getString("html"));
            var listed = api.conversation(reader, thread.id());
            assertEquals("The last word", listed.getString("lastMessagePreview"), "an earlier message leaves the preview");
            assertFalse(listed.getBoolean("lastMessageDeleted"));
        }
        for (var stream : List.of(events.after(sender, senderFrom), events.after(thread.portal(), clientFrom))) {
            var event = EventStream.only(stream, "message.deleted", thread.id());
            assertEquals(doomed, event.getString("messageId"));
            assertEquals(1, event.getJsonNumber("seq").longValue());
            assertFalse(stream.toString().contains(marker));
        }
        assertEquals(1L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'message.delete' AND outcome = 'success'"
                + " AND message_id = ?::uuid AND actor_id = ?", doomed, sender.id()));
    }

    @Test
    void deletingAgainAnswersTheSameAndIsAuditedAsReplayed() {
        var thread = SeededThread.start(api, people, "Dr. Kai Moreno", "Bea Lund");
        var id = send(thread.portal(), thread, "<p>Oops, wrong thread</p>");
        var first = api.delete(thread.portal(), messagePath(thread, id));
        var from = events.end(thread.portal());

        var again = api.delete(thread.portal(), messagePath(thread, id));

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.json(), again.json());
        assertTrue(events.after(thread.portal(), from).isEmpty(), "nothing changed, nobody is told");
        assertEquals(1L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'message.delete' AND outcome = 'replayed'"
                + " AND message_id = ?::uuid", id));
    }

    @Test
    void deletingTheLastMessageTakesThePreviewWithIt() {
        var thread = SeededThread.start(api, people, "Dr. Lea Wolfe", "Nico Hart");
        send(thread.practitioner(), thread, "<p>Earlier</p>");
        var last = send(thread.practitioner(), thread, "<p>Sent too soon</p>");

        assertEquals(200, api.delete(thread.practitioner(), messagePath(thread, last)).status());

        for (var reader : List.<Caller>of(thread.practitioner(), thread.portal())) {
            var listed = api.conversation(reader, thread.id());
            assertAll(
                    () -> assertTrue(Api.isNull(listed, "lastMessagePreview"), listed::toString),
                    () -> assertTrue(listed.getBoolean("lastMessageDeleted"), listed::toString),
                    () -> assertEquals(2, Api.lastSeq(listed), "the order keeps its place"));
        }
        assertNull(sql.query("SELECT preview FROM conversation WHERE id = ?::uuid", thread.id()).get(0).get("preview"));
        send(thread.portal(), thread, "<p>Next</p>");
        assertEquals("Next", api.conversation(thread.practitioner(), thread.id()).getString("lastMessagePreview"));
    }

    @Test
    void aDeletedMessageIsNoLongerUnread() {
        var thread = SeededThread.start(api, people, "Dr. Zara Quinn", "Remy Fold");
        var id = send(thread.practitioner(), thread, "<p>Ignore this</p>");
        assertEquals(1, api.conversation(thread.portal(), thread.id()).getInt("unreadCount"));
        var from = events.end(thread.portal());

        assertEquals(200, api.delete(thread.practitioner(), messagePath(thread, id)).status());

        assertEquals(0, api.conversation(thread.portal(), thread.id()).getInt("unreadCount"));
        var changed = EventStream.only(events.after(thread.portal(), from), "conversation.changed", thread.id());
        assertEquals(0, changed.getJsonObject("facts").getInt("unreadCount"), changed::toString);
    }

    @Test
    void aRetriedSendOfADeletedMessageAnswersItDeleted() {
        var thread = SeededThread.start(api, people, "Dr. Abe Lowry", "Cam Price");
        var clientMessageId = UUID.randomUUID().toString();
        var sent = api.send(thread.practitioner(), thread.id(), clientMessageId, "<p>Retract me</p>").json();
        assertEquals(200, api.delete(thread.practitioner(), messagePath(thread, sent.getString("id"))).status());

        var retry = api.send(thread.practitioner(), thread.id(), clientMessageId, "<p>Retract me</p>");

        assertEquals(200, retry.status(), retry::toString);
        assertDeleted(retry.json(), sent.getString("id"), 1);
        assertEquals(1, api.messages(thread.practitioner(), thread.id()).size(), "the retry added nothing");
    }

    @Test
    void onlyTheSenderMayDelete() {
        var thread = SeededThread.start(api, people, "Dr. Ines Vogel", "Teo Marsh");
        var theirs = send(thread.portal(), thread, "<p>Please keep this</p>");

        assertProblem(403, "not-message-sender", api.delete(thread.practitioner(), messagePath(thread, theirs)));
        for (var outsider : new Caller[]{OKAFOR, CHEN}) {
            assertProblem(404, "not-found", api.delete(outsider, messagePath(thread, theirs)));
        }
        assertProblem(404, "not-found", api.delete(thread.portal(), messagePath(thread, UUID.randomUUID().toString())));
        assertProblem(404, "not-found", api.delete(thread.portal(), messagePath(thread, "not-an-id")));
        // The practitioner's own message, named under another conversation of theirs: not there.
        var own = send(thread.practitioner(), thread, "<p>Mine</p>");
        var other = api.start(thread.practitioner(), people.client(RIVERSIDE, "Vic Amos", false).id().toString());
        assertProblem(404, "not-found", api.delete(thread.practitioner(), "/conversations/" + other + "/messages/" + own));

        assertEquals("<p>Please keep this</p>", message(thread.practitioner(), thread, theirs).getString("html"));
        assertEquals("<p>Mine</p>", message(thread.practitioner(), thread, own).getString("html"));
        var denied = sql.query("SELECT reason FROM audit_event WHERE action = 'access.denied' AND attempted_action = 'message.delete'"
                + " AND message_id = ?::uuid", theirs).stream().map(r -> (String) r.get("reason")).toList();
        assertTrue(denied.contains("not-message-sender"), denied::toString);
    }

    @Test
    void aDischargedClientsThreadKeepsItsMessages() {
        var thread = SeededThread.start(api, people, "Dr. Uma Reid", "Jo Kline");
        var id = send(thread.practitioner(), thread, "<p>For the record</p>");
        people.discharge(thread.client());

        assertProblem(409, "client-discharged", api.delete(thread.practitioner(), messagePath(thread, id)));
        assertEquals("<p>For the record</p>", message(thread.practitioner(), thread, id).getString("html"));
    }

    private String send(Caller as, SeededThread thread, String html) {
        var reply = api.send(as, thread.id(), UUID.randomUUID().toString(), html);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private JsonObject message(Caller as, SeededThread thread, String id) {
        return api.messages(as, thread.id()).stream().filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static void assertDeleted(JsonObject message, String id, long seq) {
        assertAll(
                () -> assertEquals(id, message.getString("id")),
                () -> assertEquals(seq, message.getJsonNumber("seq").longValue()),
                () -> assertTrue(message.getBoolean("deleted"), message::toString),
                () -> assertTrue(Api.isNull(message, "html"), message::toString),
                () -> assertFalse(message.getBoolean("unavailable"), message::toString));
    }

    private static String messagePath(SeededThread thread, String messageId) {
        return "/conversations/" + thread.id() + "/messages/" + messageId;
    }
}
