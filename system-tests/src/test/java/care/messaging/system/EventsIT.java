package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.RIVERA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every account's event stream over HTTP (the polling fallback): appended with the change, in cursor
 * order, ids and facts only, long-polled, and a too-old cursor answered with resync.
 */
@ExtendWith(PayaraServer.class)
class EventsIT {

    final Api api;
    final Sql sql;

    EventsIT(Api api, Sql sql) {
        this.api = api;
        this.sql = sql;
    }

    @Test
    void aReaderBehindTheRetentionIsToldToResyncAndOneAtItsEdgeIsNot() throws InterruptedException {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var from = cursorNow(ALEX);
        assertEquals(201, api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>soon old</p>").status());
        var end = cursorNow(ALEX);
        sql.update("UPDATE event SET created_at = now() - interval '100 hours'"
                + " WHERE account_id = (SELECT id FROM account WHERE username = ?) AND cursor <= ?", ALEX.username, end);
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        var page = poll(ALEX, from, 0);
        while (!page.getBoolean("resync") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            page = poll(ALEX, from, 0);
        }
        assertTrue(page.getBoolean("resync"), "the trimmed events are gone, and the reader is told: " + page);
        assertEquals(end, page.getJsonNumber("cursor").longValue(), "continue from the stream's end");
        var atEdge = poll(ALEX, end, 0);
        assertFalse(atEdge.getBoolean("resync"), "a reader that had seen everything trimmed misses nothing: " + atEdge);
        assertEquals(0L, sql.value("SELECT count(*) FROM event WHERE account_id = (SELECT id FROM account WHERE username = ?)"
                + " AND cursor <= ?", ALEX.username, end));
    }

    @Test
    void theCursorEndpointTellsWhereTheStreamIsNow() {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        assertEquals(201, api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>moves the cursor</p>").status());
        var position = api.get(ALEX, "/events/cursor");
        assertEquals(200, position.status(), position::toString);
        var cursor = position.json().getJsonNumber("cursor").longValue();
        assertEquals(cursorNow(ALEX), cursor, "the cursor after the last event, as paging to the end finds it");
        assertTrue(poll(ALEX, cursor, 0).getJsonArray("events").isEmpty(), "nothing after it yet");
        assertEquals(201, api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>after the cursor</p>").status());
        assertFalse(poll(ALEX, cursor, 0).getJsonArray("events").isEmpty(), "a later change comes after it");
        assertEquals(401, api.call(null, "GET", "/events/cursor", null).status());
    }

    @Test
    void aSentMessageReachesEveryParticipantsStreamAsIdsAndFactsOnly() {
        var thread = api.conversationWith(RIVERA, ALEX.displayName);
        var conversation = thread.getString("id");
        // Whatever other classes sent before (their order is the file system's), Dr. Rivera has read it all.
        assertEquals(200, api.markRead(RIVERA, conversation, Api.lastSeq(thread)).status());
        var alexFrom = cursorNow(ALEX);
        var riveraFrom = cursorNow(RIVERA);
        var marker = "Eventmarker-" + UUID.randomUUID();
        var sent = api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>" + marker + "</p>");
        assertEquals(201, sent.status(), sent::toString);
        var message = sent.json();

        var alex = poll(ALEX, alexFrom, 0);
        var created = only(alex, "message.created", conversation);
        assertAll(
                () -> assertEquals(message.getString("id"), created.getString("messageId")),
                () -> assertEquals(message.getJsonNumber("seq").longValue(), created.getJsonNumber("seq").longValue()),
                () -> assertTrue(only(alex, "conversation.changed", conversation).getJsonObject("facts").getInt("unreadCount") >= 1),
                () -> assertFalse(alex.toString().contains(marker), "no message text in events"));
        var rivera = poll(RIVERA, riveraFrom, 0);
        assertEquals(0, only(rivera, "conversation.changed", conversation).getJsonObject("facts").getInt("unreadCount"),
                "the sender's own message is not unread for them");
        assertEquals(message.getString("id"), only(rivera, "message.created", conversation).getString("messageId"),
                "the sender's other devices hear of it too");
    }

    @Test
    void aReadMarkerMovingIsAReceiptForTheOtherSide() {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var sent = api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>please read</p>").json();
        var riveraFrom = cursorNow(RIVERA);
        var seq = sent.getJsonNumber("seq").longValue();
        assertEquals(200, api.markRead(ALEX, conversation, seq).status());
        var receipt = only(poll(RIVERA, riveraFrom, 0), "message.read", conversation);
        assertEquals(seq, receipt.getJsonNumber("seq").longValue());
        var again = cursorNow(RIVERA);
        assertEquals(200, api.markRead(ALEX, conversation, seq).status());
        assertTrue(poll(RIVERA, again, 0).getJsonArray("events").isEmpty(), "a marker that did not move tells nobody");
    }

    @Test
    void aLongPollIsAnsweredWhenTheEventArrives() throws Exception {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var from = cursorNow(ALEX);
        CompletableFuture<JsonObject> waiting;
        // The barrier: the stream table locked, the poll's reads queue up where they can be seen. The first
        // read comes before it waits; the look after it has subscribed to hints comes next: then it is held.
        try (var lock = sql.connect()) {
            lock.setAutoCommit(false);
            lockStreams(lock);
            waiting = CompletableFuture.supplyAsync(() -> poll(ALEX, from, 20));
            awaitStreamReadBlocked();
            lock.commit();
            lockStreams(lock); // granted once the first read's transaction has ended
            awaitStreamReadBlocked();
            assertFalse(waiting.isDone(), "nothing to answer yet: the request is held");
            lock.commit();
        }
        var sent = api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>wake up</p>").json();
        var page = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(sent.getString("id"), only(page, "message.created", conversation).getString("messageId"));
    }

    @Test
    void anEmptyWaitEndsWithTheSameCursor() {
        var from = cursorNow(ALEX);
        var page = poll(ALEX, from, 1);
        assertTrue(page.getJsonArray("events").isEmpty(), page::toString);
        assertEquals(from, page.getJsonNumber("cursor").longValue());
        assertFalse(page.getBoolean("resync"));
    }

    @Test
    void cursorsOnlyGrowAndPagesDoNotOverlap() {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var from = cursorNow(ALEX);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>n" + i + "</p>").status());
        }
        var cursors = new ArrayList<Long>();
        var page = poll(ALEX, from, 0);
        page.getJsonArray("events").getValuesAs(JsonObject.class).forEach(e -> cursors.add(e.getJsonNumber("cursor").longValue()));
        assertEquals(6, cursors.size(), "a message.created and a conversation.changed per message: " + cursors);
        for (int i = 1; i < cursors.size(); i++) {
            assertEquals(cursors.get(i - 1) + 1, cursors.get(i), "one account's cursors have no gaps: " + cursors);
        }
        assertEquals(cursors.get(cursors.size() - 1), page.getJsonNumber("cursor").longValue());
        assertTrue(poll(ALEX, page.getJsonNumber("cursor").longValue(), 0).getJsonArray("events").isEmpty());
    }

    @Test
    void aCursorThatIsNotTheReadersAsksForAResync() {
        var now = cursorNow(ALEX);
        var page = poll(ALEX, now + 1000, 0);
        assertTrue(page.getBoolean("resync"), page::toString);
        assertEquals(now, page.getJsonNumber("cursor").longValue(), "continue from the stream's current end");
        var bad = api.get(ALEX, "/events?after=-1");
        Problems.assertProblem(400, "invalid-cursor", bad);
        Problems.assertProblem(400, "invalid-wait", api.get(ALEX, "/events?after=0&wait=soon"));
        assertEquals(401, api.call(null, "GET", "/events?after=0", null).status());
    }

    long cursorNow(DemoPeople as) {
        long cursor = 0;
        while (true) {
            var page = poll(as, cursor, 0);
            var next = page.getJsonNumber("cursor").longValue();
            if (page.getJsonArray("events").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }

    static void lockStreams(java.sql.Connection lock) throws java.sql.SQLException {
        try (var statement = lock.createStatement()) {
            statement.execute("LOCK TABLE event_stream IN ACCESS EXCLUSIVE MODE");
        }
    }

    /** Until a read of an event stream waits for the lock (a server reads streams only for a reader). */
    void awaitStreamReadBlocked() throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (((Number) sql.value("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%FROM event_stream WHERE account_id%'")).longValue() == 0) {
            assertTrue(System.nanoTime() < deadline, "no read of an event stream waited for the lock within 30 s");
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    JsonObject poll(DemoPeople as, long after, int wait) {
        var reply = api.get(as, "/events?after=" + after + "&wait=" + wait);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    static JsonObject only(JsonObject page, String type, String conversation) {
        List<JsonObject> matching = page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals(type) && conversation.equals(e.getString("conversationId", null)))
                .toList();
        assertEquals(1, matching.size(), type + " in " + page);
        return matching.get(0);
    }
}
