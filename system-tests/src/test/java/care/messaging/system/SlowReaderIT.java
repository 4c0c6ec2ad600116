package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reader that stops reading is closed with 4408 once the server has buffered its cap for it, while
 * another socket of the same account keeps receiving. The bound is the server's own account of what it
 * held for that socket (its log line): the heap beneath is not visible from outside, but the server hands
 * the container one frame at a time, so this queue is what a slow reader can make it hold.
 */
@ExtendWith(PayaraServer.class)
class SlowReaderIT {

    static final Pattern TOO_SLOW = Pattern.compile(
            "closed 4408 too slow: (\\d+) frames, (\\d+) bytes were not read yet and a frame of (\\d+) bytes did not fit "
            + "\\(limits (\\d+) frames, (\\d+) bytes\\)");
    /**
     * Less than a page (500), so each batch is one live frame: a reader that is behind on a full page is paced
     * instead (nothing is read for it until it reads), and is closed only by the heartbeat.
     */
    static final int EVENTS_PER_BATCH = 400;
    /** About 180 KB per frame: a few fit under the byte cap. */
    static final int FILLER_CHARACTERS = 250;
    static final int MAX_BATCHES = 80;

    final Api api;
    final Sql sql;
    final SeededPeople people;
    final ServerLog log;

    SlowReaderIT(Api api, Sql sql, SeededPeople people, ServerLog log) {
        this.api = api;
        this.sql = sql;
        this.people = people;
        this.log = log;
    }

    @Test
    void aReaderThatStopsIsClosedAtItsCapWhileTheOtherSocketKeepsReceiving() throws Exception {
        var person = people.practitioner(DemoPeople.RIVERSIDE, "Dr. Pat Slow");
        var token = Map.of("Authorization", "Bearer " + api.identityProvider().token(person));
        var logFrom = log.read().length();
        try (var fast = SocketClient.open(api.socket(""), token);
             var slow = SocketClient.open(api.socket(""), token, false)) {
            Matcher found = null;
            var fastFrames = new ArrayList<JsonObject>();
            for (int batch = 0; batch < MAX_BATCHES && found == null; batch++) {
                var through = append(person.id(), EVENTS_PER_BATCH);
                // The next batch goes out once the fast socket has this one: a server that fell a whole page
                // behind (a loaded machine) would pace the slow reader instead of queueing frames for it.
                fastFrames.addAll(fast.framesUntil(e -> !e.isEmpty() && cursor(e.get(e.size() - 1)) >= through,
                        Duration.ofSeconds(60)));
                found = tooSlow(logFrom, Duration.ofMillis(200));
            }
            var closed = found != null ? found : tooSlow(logFrom, Duration.ofSeconds(5));
            assertTrue(closed != null, "no 4408 after " + MAX_BATCHES + " batches of ~180 KB");
            slow.startReading();
            assertEquals(new SocketClient.Close(4408, "too slow"), slow.awaitClose(Duration.ofSeconds(30)));

            var events = SocketClient.events(fastFrames);
            WebSocketIT.assertIncreasingByOne(events);
            assertEquals(1, cursor(events.get(0)));
            var after = append(person.id(), 1);
            fast.framesUntil(e -> !e.isEmpty() && cursor(e.get(e.size() - 1)) == after, Duration.ofSeconds(20));

            var waitingFrames = Long.parseLong(closed.group(1));
            var waitingBytes = Long.parseLong(closed.group(2));
            var frameBytes = Long.parseLong(closed.group(3));
            var maxFrames = Long.parseLong(closed.group(4));
            var maxBytes = Long.parseLong(closed.group(5));
            assertAll("what the server held for the slow socket stayed within its cap",
                    () -> assertEquals(256, maxFrames),
                    () -> assertEquals(1_048_576, maxBytes),
                    () -> assertTrue(waitingFrames >= 2 && waitingFrames <= maxFrames, "several frames held: " + closed.group()),
                    () -> assertTrue(waitingBytes <= maxBytes, closed.group()),
                    () -> assertTrue(waitingBytes + frameBytes > maxBytes || waitingFrames == maxFrames,
                            "closed only because the next frame did not fit: " + closed.group()));
        }
    }

    /** Appends filler events to the account's stream, as EventLog does, and hints the server; answers the last cursor. */
    long append(UUID account, int count) throws SQLException {
        try (var connection = sql.connect()) {
            connection.setAutoCommit(false);
            try (var stream = connection.prepareStatement("INSERT INTO event_stream (account_id) VALUES (?) ON CONFLICT DO NOTHING");
                 var insert = connection.prepareStatement("""
                         WITH s AS (UPDATE event_stream SET last_cursor = last_cursor + ? WHERE account_id = ? RETURNING last_cursor)
                         INSERT INTO event (account_id, cursor, type, facts, created_at)
                         SELECT ?, s.last_cursor - ? + g, 'test.filler', jsonb_build_object('filler', repeat('x', ?)), now()
                           FROM s, generate_series(1, ?) g
                         RETURNING cursor""");
                 var hint = connection.prepareStatement("SELECT pg_notify('messaging_events', ?)")) {
                stream.setObject(1, account);
                stream.executeUpdate();
                insert.setInt(1, count);
                insert.setObject(2, account);
                insert.setObject(3, account);
                insert.setInt(4, count);
                insert.setInt(5, FILLER_CHARACTERS);
                insert.setInt(6, count);
                long last = 0;
                try (var rows = insert.executeQuery()) {
                    while (rows.next()) {
                        last = Math.max(last, rows.getLong(1));
                    }
                }
                hint.setString(1, account.toString());
                hint.execute();
                connection.commit();
                return last;
            }
        }
    }

    Matcher tooSlow(int logFrom, Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        do {
            var matcher = TOO_SLOW.matcher(log.read().substring(logFrom));
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return null;
    }

    static long cursor(JsonObject event) {
        return event.getJsonNumber("cursor").longValue();
    }
}
