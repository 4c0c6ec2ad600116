package care.messaging.system;

import static care.messaging.system.DemoPeople.CHEN;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each participant files conversations for themself: marked unread until they read it again, archived
 * until they take it back, send in it, or the other side writes. Every device of theirs follows by event;
 * the other side sees none of it.
 */
@ExtendWith(PayaraServer.class)
class ConversationStateIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;
    final EventStream events;

    ConversationStateIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
        this.events = new EventStream(api);
    }

    @Test
    void markedUnreadCountsAsUnreadOnEveryDeviceUntilReadAgain() {
        var thread = SeededThread.start(api, people, "Dr. Cora Lind", "Jamie Reyes");
        var client = thread.portal();
        var first = send(thread.practitioner(), thread, "<p>How was the week?</p>");
        assertEquals(200, api.markRead(client, thread.id(), 1).status());
        var from = events.end(client);

        var marked = api.post(client, unreadPath(thread));

        assertEquals(200, marked.status(), marked::toString);
        assertUnread(marked.json(), 1, true);
        assertUnread(api.conversation(client, thread.id()), 1, true);
        var changed = EventStream.only(events.after(client, from), "conversation.changed", thread.id());
        assertUnread(changed.getJsonObject("facts"), 1, true);
        assertEquals(marked.json(), api.post(client, unreadPath(thread)).json(), "a repeat answers the same");
        assertEquals(1, events.after(client, from).size(), "and tells nobody again");
        assertUnread(api.conversation(thread.practitioner(), thread.id()), 0, false);
        assertFalse(Api.isNull(message(thread.practitioner(), thread, first), "readAt"), "the receipt the other side saw stays");

        send(thread.practitioner(), thread, "<p>One more thing</p>");
        assertUnread(api.conversation(client, thread.id()), 1, true);
        send(thread.practitioner(), thread, "<p>And another</p>");
        assertUnread(api.conversation(client, thread.id()), 2, true);

        var read = api.markRead(client, thread.id(), 3);
        assertEquals(0, read.json().getInt("unreadCount"), read::toString);
        assertUnread(api.conversation(client, thread.id()), 0, false);
    }

    @Test
    void readingWithoutNewMessagesStillClearsTheMark() {
        var thread = SeededThread.start(api, people, "Dr. Owen Hale", "Billie Cross");
        send(thread.portal(), thread, "<p>Thanks</p>");
        assertEquals(200, api.markRead(thread.practitioner(), thread.id(), 1).status());
        assertUnread(api.post(thread.practitioner(), unreadPath(thread)).json(), 1, true);
        var from = events.end(thread.practitioner());

        var read = api.markRead(thread.practitioner(), thread.id(), 1);

        assertEquals(0, read.json().getInt("unreadCount"), read::toString);
        var changed = EventStream.only(events.after(thread.practitioner(), from), "conversation.changed", thread.id());
        assertUnread(changed.getJsonObject("facts"), 0, false);
    }

    @Test
    void anArchivedConversationLeavesTheInboxUntilTheOtherSideWrites() {
        var thread = SeededThread.start(api, people, "Dr. Vera Stone", "Noel Baker");
        var practitioner = thread.practitioner();
        send(thread.portal(), thread, "<p>Noted, thank you</p>");
        var from = events.end(practitioner);

        var archived = api.post(practitioner, archivePath(thread));

        assertEquals(200, archived.status(), archived::toString);
        assertTrue(archived.json().getBoolean("archived"));
        assertFalse(ids(practitioner, "inbox").contains(thread.id()));
        assertTrue(ids(practitioner, "archive").contains(thread.id()));
        assertFalse(api.conversation(thread.portal(), thread.id()).getBoolean("archived"), "archiving is per person");
        var changed = EventStream.only(events.after(practitioner, from), "conversation.changed", thread.id());
        assertTrue(changed.getJsonObject("facts").getBoolean("archived"), changed::toString);
        assertEquals(archived.json(), api.post(practitioner, archivePath(thread)).json(), "a repeat answers the same");
        assertEquals(1, events.after(practitioner, from).size(), "and tells nobody again");

        var cursor = events.end(practitioner);
        send(thread.portal(), thread, "<p>One more question</p>");

        assertTrue(ids(practitioner, "inbox").contains(thread.id()), "the other side wrote: back in the inbox");
        assertFalse(ids(practitioner, "archive").contains(thread.id()));
        var back = EventStream.only(events.after(practitioner, cursor), "conversation.changed", thread.id());
        assertFalse(back.getJsonObject("facts").getBoolean("archived"), back::toString);
    }

    @Test
    void unarchivingOrSendingBringsItBackToTheInbox() {
        var thread = SeededThread.start(api, people, "Dr. Milo Grant", "Reese Dunn");
        var practitioner = thread.practitioner();
        assertEquals(200, api.post(practitioner, archivePath(thread)).status());

        var unarchived = api.delete(practitioner, archivePath(thread));

        assertEquals(200, unarchived.status(), unarchived::toString);
        assertFalse(unarchived.json().getBoolean("archived"));
        assertEquals(unarchived.json(), api.delete(practitioner, archivePath(thread)).json(), "a repeat answers the same");
        assertTrue(ids(practitioner, "inbox").contains(thread.id()));

        assertEquals(200, api.post(practitioner, archivePath(thread)).status());
        send(practitioner, thread, "<p>Following up</p>");
        assertTrue(ids(practitioner, "inbox").contains(thread.id()), "writing in it brings it back for the writer");
    }

    @Test
    void theArchiveIsPagedByCursorInActivityOrder() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Tess Arden");
        var archived = new ArrayList<String>();
        for (var name : List.of("Pat Ives", "Lou Varga", "Sol Meyer")) {
            var id = api.start(practitioner, people.client(RIVERSIDE, name, false).id().toString());
            assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>Hello</p>").status());
            assertEquals(200, api.post(practitioner, "/conversations/" + id + "/archive").status());
            archived.add(0, id);
        }
        var kept = api.start(practitioner, people.client(RIVERSIDE, "Dee Olsen", false).id().toString());

        assertEquals(archived, pages(practitioner, "archive"), "newest activity first, each once");
        assertEquals(List.of(kept), pages(practitioner, "inbox"));
    }

    @Test
    void refusalsChangeNothing() {
        var thread = SeededThread.start(api, people, "Dr. Rhea Moss", "Ash Kerr");
        assertProblem(400, "invalid-folder", api.get(thread.practitioner(), "/conversations?folder=trash"));
        for (var outsider : new Caller[]{OKAFOR, CHEN}) {
            assertProblem(404, "not-found", api.post(outsider, unreadPath(thread)));
            assertProblem(404, "not-found", api.post(outsider, archivePath(thread)));
            assertProblem(404, "not-found", api.delete(outsider, archivePath(thread)));
        }
        assertProblem(404, "not-found", api.post(thread.practitioner(), "/conversations/not-an-id/archive"));
        assertEquals(0L, sql.value("SELECT count(*) FROM conversation_state WHERE conversation_id = ?::uuid", thread.id()));

        assertEquals(200, api.post(thread.practitioner(), archivePath(thread)).status());
        assertEquals(200, api.post(thread.practitioner(), unreadPath(thread)).status());
        var actions = sql.query("SELECT action FROM audit_event WHERE conversation_id = ?::uuid AND outcome = 'success'", thread.id())
                .stream().map(r -> (String) r.get("action")).toList();
        assertAll(
                () -> assertTrue(actions.contains("conversation.archive"), actions::toString),
                () -> assertTrue(actions.contains("conversation.mark-unread"), actions::toString),
                () -> assertTrue(((Number) sql.value("SELECT count(*) FROM audit_event WHERE action = 'access.denied'"
                        + " AND attempted_action = 'conversation.archive' AND conversation_id = ?::uuid", thread.id())).longValue() >= 2));
    }

    private List<String> pages(Caller as, String folder) {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            var reply = api.get(as, "/conversations?folder=" + folder + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, reply.status(), reply::toString);
            reply.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(c -> ids.add(c.getString("id")));
            cursor = Api.isNull(reply.json(), "nextCursor") ? null : reply.json().getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private List<String> ids(Caller as, String folder) {
        var reply = api.get(as, "/conversations?limit=200&folder=" + folder);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
    }

    private String send(Caller as, SeededThread thread, String html) {
        var reply = api.send(as, thread.id(), UUID.randomUUID().toString(), html);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private JsonObject message(Caller as, SeededThread thread, String id) {
        return api.messages(as, thread.id()).stream().filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static void assertUnread(JsonObject summaryOrFacts, int unreadCount, boolean markedUnread) {
        assertAll(
                () -> assertEquals(unreadCount, summaryOrFacts.getInt("unreadCount"), summaryOrFacts::toString),
                () -> assertEquals(markedUnread, summaryOrFacts.getBoolean("markedUnread"), summaryOrFacts::toString));
    }

    private static String unreadPath(SeededThread thread) {
        return "/conversations/" + thread.id() + "/unread";
    }

    private static String archivePath(SeededThread thread) {
        return "/conversations/" + thread.id() + "/archive";
    }
}
