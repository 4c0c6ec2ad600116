package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Practitioner-to-practitioner conversations within a practice: two practitioners of
 * one practice have one conversation, with what client conversations have (events, unread and receipts,
 * per-person state, drafts, deleting one's own message, search), stopped only by the practice's switch,
 * and invisible to everyone else.
 */
@ExtendWith(PayaraServer.class)
class ColleagueConversationsIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    ColleagueConversationsIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    record Pair(String practice, SeededPeople.Person one, SeededPeople.Person other, String id) {
    }

    Pair pair(String oneName, String otherName) {
        var practice = people.practice();
        var one = people.practitioner(practice, oneName);
        var other = people.practitioner(practice, otherName);
        var started = start(one, other.id().toString());
        assertEquals(201, started.status(), started::toString);
        return new Pair(practice, one, other, started.json().getString("id"));
    }

    Api.Reply start(Caller as, String practitionerId) {
        return api.post(as, "/conversations", Json.createObjectBuilder().add("practitionerId", practitionerId).build());
    }

    @Test
    void eitherColleagueStartsOrFindsTheOneConversation() {
        var practice = people.practice();
        var one = people.practitioner(practice, "Dr. Ida Moss");
        var other = people.practitioner(practice, "Dr. Tom Wren");
        var otherFrom = EventStream.end(api, other);

        var first = start(one, other.id().toString());

        assertEquals(201, first.status(), first::toString);
        var id = first.json().getString("id");
        assertEquals("colleague", first.json().getString("kind"));
        assertEquals(other.id().toString(), first.json().getJsonObject("counterpart").getString("id"));
        assertEquals("Dr. Tom Wren", first.json().getJsonObject("counterpart").getString("displayName"));
        assertTrue(first.json().getJsonObject("sending").getBoolean("allowed"));
        var again = start(one, other.id().toString());
        assertEquals(200, again.status(), again::toString);
        assertEquals(id, again.json().getString("id"));
        var reverse = start(other, one.id().toString());
        assertEquals(200, reverse.status(), reverse::toString);
        assertEquals(id, reverse.json().getString("id"), "the pair has one conversation whoever starts it");
        assertEquals("Dr. Ida Moss", reverse.json().getJsonObject("counterpart").getString("displayName"));
        assertEquals(1L, sql.value("SELECT count(*) FROM conversation WHERE kind = 'colleague' AND ? IN (practitioner_id, colleague_id)", one.id()));
        assertFalse(EventStream.after(api, other, otherFrom, "conversation.changed", id).isEmpty(), "the colleague's list hears of it");
        assertEquals("colleague", api.conversation(other, id).getString("kind"));
        var client = people.client(practice, "Kai Rowe", false);
        assertEquals("client", api.conversation(one, api.start(one, client.id().toString())).getString("kind"),
                "client conversations say so");
    }

    @Test
    void nobodyElseStartsOrSeesIt() {
        var t = pair("Dr. Uma Hart", "Dr. Ben Kerr");
        var outsider = people.practitioner(t.practice(), "Dr. Al Stone");
        var admin = people.admin(t.practice(), "Ana Admin");
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>Hello colleague</p>");

        assertProblem(404, "not-found", start(t.one(), sql.value("SELECT id FROM account WHERE username = ?", OKAFOR.username).toString()));
        assertProblem(404, "not-found", start(t.one(), t.one().id().toString()));
        assertProblem(404, "not-found", start(t.one(), admin.id().toString()));
        assertProblem(404, "not-found", start(t.one(), UUID.randomUUID().toString()));
        assertProblem(400, "invalid-practitioner-id", start(t.one(), "not-an-id"));
        assertProblem(403, "wrong-role", api.post(t.one(), "/conversations", Json.createObjectBuilder()
                .add("practitionerId", t.other().id().toString()).add("clientId", UUID.randomUUID().toString()).build()));
        for (Caller stranger : List.of(outsider, admin, OKAFOR, ALEX, PARK)) {
            assertProblem(404, "not-found", api.get(stranger, "/conversations/" + t.id() + "/messages"));
            assertProblem(404, "not-found", api.send(stranger, t.id(), UUID.randomUUID().toString(), "<p>x</p>"));
            assertProblem(404, "not-found", api.get(stranger, "/conversations/" + t.id()));
        }
        assertTrue(api.inbox(outsider).stream().noneMatch(c -> c.getString("id").equals(t.id())));
        assertEquals(1, api.messages(t.other(), t.id()).size(), "nothing was added by anyone else");
    }

    @Test
    void messagesUnreadAndReceiptsWorkBetweenColleaguesWithEventsToBoth() {
        var t = pair("Dr. Eve Lane", "Dr. Max Cole");
        var oneFrom = EventStream.end(api, t.one());
        var otherFrom = EventStream.end(api, t.other());

        var sent = api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>Can you cover Friday?</p>");
        var reply = api.send(t.other(), t.id(), UUID.randomUUID().toString(), "<p>Yes</p>");
        var more = api.send(t.other(), t.id(), UUID.randomUUID().toString(), "<p>Morning only</p>");

        assertEquals(201, sent.status(), sent::toString);
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(201, more.status(), more::toString);
        assertEquals(2, api.conversation(t.one(), t.id()).getInt("unreadCount"), "the other's two messages");
        assertEquals(1, api.conversation(t.other(), t.id()).getInt("unreadCount"), "the other's one message");
        assertEquals(3, EventStream.after(api, t.one(), oneFrom, "message.created", t.id()).size());
        assertEquals(3, EventStream.after(api, t.other(), otherFrom, "message.created", t.id()).size());
        var sender = api.messages(t.one(), t.id()).get(2).getJsonObject("sender");
        assertEquals("Dr. Eve Lane", sender.getString("displayName"));

        oneFrom = EventStream.end(api, t.one());
        var read = api.markRead(t.other(), t.id(), 1);

        assertEquals(200, read.status(), read::toString);
        assertEquals(0, read.json().getInt("unreadCount"));
        var first = api.messages(t.one(), t.id()).get(2);
        assertFalse(Api.isNull(first, "readAt"), "the sender sees when the colleague read it");
        assertEquals(1, EventStream.after(api, t.one(), oneFrom, "message.read", t.id()).size(), "the receipt reaches the sender");
        assertTrue(Api.isNull(api.messages(t.other(), t.id()).get(0), "readAt"), "their own reading is no receipt of the other's messages");
        assertEquals(2, api.conversation(t.one(), t.id()).getInt("unreadCount"), "the reader's marker does not read for the other");
        assertEquals(200, api.markRead(t.one(), t.id(), 3).status());
        assertEquals(0, api.conversation(t.one(), t.id()).getInt("unreadCount"));
        assertFalse(Api.isNull(api.messages(t.other(), t.id()).get(0), "readAt"));
        assertNotNull(api.conversation(t.one(), t.id()).getString("lastMessagePreview"));
    }

    @Test
    void stateDraftsAndDeletionWorkThereToo() {
        var t = pair("Dr. Ria Penn", "Dr. Lou Park");
        var path = "/conversations/" + t.id();
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>First</p>");

        var unread = api.post(t.other(), path + "/unread");
        assertEquals(200, unread.status(), unread::toString);
        assertTrue(unread.json().getBoolean("markedUnread"));
        assertFalse(api.conversation(t.one(), t.id()).getBoolean("markedUnread"), "marking is per person");

        var archived = api.post(t.other(), path + "/archive");
        assertEquals(200, archived.status(), archived::toString);
        assertTrue(archived.json().getBoolean("archived"));
        assertTrue(api.inbox(t.other()).stream().noneMatch(c -> c.getString("id").equals(t.id())));
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>Second</p>");
        assertFalse(api.conversation(t.other(), t.id()).getBoolean("archived"), "the colleague writing brings it back");

        var draft = api.put(t.one(), path + "/draft", Json.createObjectBuilder().add("html", "<p>Half a thought</p>").build());
        assertEquals(200, draft.status(), draft::toString);
        assertEquals("<p>Half a thought</p>", api.get(t.one(), path + "/draft").json().getString("html"));
        assertTrue(Api.isNull(api.get(t.other(), path + "/draft").json(), "html"), "drafts are per person");
        assertTrue(api.conversation(t.one(), t.id()).getBoolean("hasDraft"));

        var own = api.messages(t.one(), t.id()).get(0).getString("id");
        assertProblem(403, "not-message-sender", api.delete(t.other(), path + "/messages/" + own));
        var deleted = api.delete(t.one(), path + "/messages/" + own);
        assertEquals(200, deleted.status(), deleted::toString);
        assertTrue(api.messages(t.other(), t.id()).get(0).getBoolean("deleted"));
    }

    @Test
    void searchFindsItForBothColleaguesAndNoOneElse() {
        var t = pair("Dr. Gil Hay", "Dr. Fay Orr");
        var outsider = people.practitioner(t.practice(), "Dr. Ned Yale");
        var word = word();
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>About " + word + " tomorrow</p>");

        for (var colleague : List.of(t.one(), t.other())) {
            var hits = search(colleague, word);
            assertEquals(1, hits.size(), colleague.displayName());
            assertEquals(t.id(), hits.get(0).getString("conversationId"));
        }
        assertEquals(0, search(outsider, word).size());
        var byName = api.post(t.one(), "/search/conversations", Json.createObjectBuilder().add("q", "Orr").build());
        assertEquals(200, byName.status(), byName::toString);
        assertTrue(byName.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("id").equals(t.id())), "found by the colleague's name");
    }

    @Test
    void practiceSwitchedOffRefusesColleaguesToo() {
        var t = pair("Dr. Ola Berg", "Dr. Sid Vance");
        var admin = people.admin(t.practice(), "Pat Admin");
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>Before</p>");

        var off = api.put(admin, "/admin/practice/messaging", Json.createObjectBuilder().add("enabled", false).build());

        assertEquals(200, off.status(), off::toString);
        for (var colleague : List.of(t.one(), t.other())) {
            assertProblem(409, "messaging-off", api.send(colleague, t.id(), UUID.randomUUID().toString(), "<p>After</p>"));
            assertEquals(1, api.messages(colleague, t.id()).size(), "nothing added, the history still readable");
            var sending = api.conversation(colleague, t.id()).getJsonObject("sending");
            assertFalse(sending.getBoolean("allowed"));
            assertEquals("messaging-off", sending.getString("reason"));
        }
    }

    @Test
    void aNewMessagingNameReachesTheColleagueLiveWhileOldMessagesKeepTheirs() {
        var t = pair("Dr. Kim Vale", "Dr. Roy Sand");
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>Before the new name</p>");
        api.send(t.other(), t.id(), UUID.randomUUID().toString(), "<p>Noted</p>");
        var otherFrom = EventStream.end(api, t.other());

        var renamed = api.put(t.one(), "/me/messaging-name", Json.createObjectBuilder().add("displayName", "Dr. Kim").build());

        assertEquals(200, renamed.status(), renamed::toString);
        var changed = EventStream.only(EventStream.after(api, t.other(), otherFrom), "conversation.changed", t.id());
        var facts = changed.getJsonObject("facts");
        assertEquals(api.conversation(t.other(), t.id()).getInt("unreadCount"), facts.getInt("unreadCount"), facts::toString);
        assertTrue(facts.getJsonObject("sending").getBoolean("allowed"), "between colleagues only the practice's switch applies");
        assertEquals("Dr. Kim", api.conversation(t.other(), t.id()).getJsonObject("counterpart").getString("displayName"));
        assertEquals("Dr. Kim Vale", api.messages(t.other(), t.id()).get(1).getJsonObject("sender").getString("displayName"),
                "the message sent before keeps the name it was sent under");
    }

    @Test
    void theChangedEventCountsWhatTheColleagueHasNotReadAndTheirOwnMarks() {
        var t = pair("Dr. Liv Hale", "Dr. Oto Reyes");
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>One</p>");
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>Two</p>");
        var otherFrom = EventStream.end(api, t.other());

        assertEquals(200, api.put(t.one(), "/me/messaging-name", Json.createObjectBuilder().add("displayName", "Dr. Liv").build()).status());

        var facts = EventStream.only(EventStream.after(api, t.other(), otherFrom), "conversation.changed", t.id()).getJsonObject("facts");
        assertEquals(2, facts.getInt("unreadCount"), facts::toString);
        assertEquals(api.conversation(t.other(), t.id()).getInt("unreadCount"), facts.getInt("unreadCount"), "the event says what the list says");
    }

    @Test
    void aPractitionerPagesThroughConversationsOnEitherSideOfEveryPairInActivityOrder() {
        var practice = people.practice();
        // Which side of a pair a practitioner is stored on follows the uuids' text order. With random ids
        // a whole run of colleagues fell on one side about once in twenty runs (me's own rank is random),
        // so the ids are chosen: me in the middle, colleagues alternately below and above.
        var me = people.practitioner(practice, "Dr. Pia Lund", withFirstDigit('8'));
        for (int i = 0; i < 6; i++) {
            var colleague = people.practitioner(practice, "Dr. Colleague " + i, withFirstDigit(i % 2 == 0 ? '1' : 'e'));
            var started = start(colleague, me.id().toString());
            assertEquals(201, started.status(), started::toString);
            api.send(colleague, started.json().getString("id"), UUID.randomUUID().toString(), "<p>Hello " + i + "</p>");
        }
        assertEquals(2, sidesOf(me), "both sides present");
        for (int i = 0; i < 3; i++) {
            var client = people.client(practice, "Client " + i, false);
            var id = api.start(me, client.id().toString());
            api.send(me, id, UUID.randomUUID().toString(), "<p>Hi " + i + "</p>");
        }
        var expected = sql.query("""
                SELECT id FROM conversation WHERE practitioner_id = ? OR colleague_id = ?
                 ORDER BY last_activity_at DESC, id DESC""", me.id(), me.id()).stream().map(r -> r.get("id").toString()).toList();

        var paged = new ArrayList<String>();
        String cursor = null;
        do {
            var reply = api.get(me, "/conversations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, reply.status(), reply::toString);
            reply.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(c -> paged.add(c.getString("id")));
            cursor = Api.isNull(reply.json(), "nextCursor") ? null : reply.json().getString("nextCursor");
        } while (cursor != null);

        assertEquals(expected, paged, "every conversation once, most recent first, across pages");
        assertEquals(expected.subList(0, 3), api.get(me, "/conversations?limit=3").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList());
    }

    /** A fresh random uuid whose text starts with the given hex digit. */
    static UUID withFirstDigit(char digit) {
        return UUID.fromString(digit + UUID.randomUUID().toString().substring(1));
    }

    long sidesOf(SeededPeople.Person me) {
        return ((Number) sql.value("""
                SELECT count(DISTINCT practitioner_id = ?) FROM conversation WHERE kind = 'colleague' AND ? IN (practitioner_id, colleague_id)""",
                me.id(), me.id())).longValue();
    }

    @Test
    void theAdminSeesColleagueConversationsInThePracticeListWithoutContent() {
        var t = pair("Dr. Ada Frost", "Dr. Cy Lamb");
        var admin = people.admin(t.practice(), "Mo Admin");
        api.send(t.one(), t.id(), UUID.randomUUID().toString(), "<p>Confidential between colleagues</p>");

        var listed = api.get(admin, "/admin/conversations");

        assertEquals(200, listed.status(), listed::toString);
        var row = listed.array().getValuesAs(JsonObject.class).stream().filter(c -> c.getString("id").equals(t.id()))
                .findFirst().orElseThrow(() -> new AssertionError("the colleague conversation is listed: " + listed));
        assertEquals("colleague", row.getString("kind"));
        var names = List.of(row.getJsonObject("practitioner").getString("displayName"), row.getJsonObject("colleague").getString("displayName"));
        assertTrue(names.containsAll(List.of("Dr. Ada Frost", "Dr. Cy Lamb")), names::toString);
        assertFalse(row.containsKey("client") && !row.isNull("client"), "no client in a colleague conversation");
        assertFalse(listed.body().contains("Confidential"), "no content in the admin list");
        var other = api.get(people.admin(people.practice(), "Other Admin"), "/admin/conversations");
        assertFalse(other.body().contains(t.id()), "another practice's admin does not see it");
    }

    List<JsonObject> search(Caller as, String q) {
        var reply = api.post(as, "/search/messages", Json.createObjectBuilder().add("q", q).build());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static String word() {
        var random = new SecureRandom();
        var word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
