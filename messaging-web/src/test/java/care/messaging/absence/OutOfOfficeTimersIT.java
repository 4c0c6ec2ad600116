package care.messaging.absence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.testing.PrivatePostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The out-of-office timers on two Payara Micro nodes against one database (a PostgreSQL cluster of this class's
 * own): a short period turns on and off at its times and each change is announced exactly once, whichever node
 * claims it; a period that starts while every node is down is turned on by the catch-up of the first node to start
 * again. Alex Morgan, Dr. Rivera's client, is told each time (out-of-office.changed), as their portal would be.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutOfOfficeTimersIT {

    @RegisterExtension
    static final PrivatePostgres postgres = new PrivatePostgres("out-of-office");

    static List<String> properties;
    static String database;
    static MicroNode a;
    static MicroNode b;
    static String rivera;
    static String alex;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = "messaging_out_of_office";
        postgres.admin("CREATE DATABASE " + database);
        properties = Cluster.nodeOptions("out-of-office", List.of());
        a = MicroNode.start("ooo-a", properties, postgres.environment(database), List.of());
        a.awaitReady(Duration.ofMinutes(4));
        b = MicroNode.start("ooo-b", properties, postgres.environment(database), List.of());
        b.awaitReady(Duration.ofMinutes(4));
        rivera = a.login("dr.rivera");
        alex = b.login("alex.morgan");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (var node : new MicroNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void aShortPeriodTurnsOnAndOffAtItsTimesAndTwoNodesAnnounceEachChangeOnce() throws Exception {
        var from = cursorNow(b, alex);
        var start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        var end = start.plusSeconds(6);
        var planned = a.call(rivera, "POST", "/messaging/api/me/out-of-office", period(start, end), Duration.ofSeconds(30));
        assertEquals(201, planned.statusCode(), planned.body());

        var changes = awaitChanges(b, alex, from, 3, Duration.ofSeconds(90));
        assertEquals(List.of(false, true, false), changes,
                "the plan (not away yet), then one turn on and one turn off, though both nodes run the timers");
        assertEquals(1, count("SELECT count(*) FROM absence WHERE state = 'ended'"));
    }

    @Test
    @Order(2)
    void aPeriodThatStartedWhileEveryNodeWasDownIsTurnedOnByTheCatchUp() throws Exception {
        var from = cursorNow(b, alex);
        var start = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        var planned = a.call(rivera, "POST", "/messaging/api/me/out-of-office", period(start, start.plus(Duration.ofHours(2))),
                Duration.ofSeconds(30));
        assertEquals(201, planned.statusCode(), planned.body());
        downUntilPast(start);
        assertEquals(1, count("SELECT count(*) FROM absence WHERE state = 'planned'"), "nobody turned it on meanwhile");
        restartOneNode();
        var changes = awaitChanges(a, alex, from, 2, Duration.ofSeconds(90));
        assertEquals(List.of(false, true), changes, "the plan, then the catch-up's turn on at start-up");
        assertEquals(1, count("SELECT count(*) FROM absence WHERE state = 'active'"));
    }

    /**
     * While the period of the test before runs, the client writes six messages at once, half through each node, one of
     * them retried: the thread gets exactly one automatic reply, whichever node's send came first.
     */
    @Test
    @Order(3)
    void concurrentSendsThroughBothNodesGetExactlyOneAutomaticReply() throws Exception {
        b = MicroNode.start("ooo-b", properties, postgres.environment(database), List.of());
        b.awaitReady(Duration.ofMinutes(4));
        var client = a.login("alex.morgan");
        var list = MicroNode.json(a.call(client, "GET", "/messaging/api/conversations?limit=50", null, Duration.ofSeconds(30)));
        var conversation = list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonObject("counterpart").getString("displayName").contains("Rivera"))
                .findFirst().orElseThrow().getString("id");
        assertEquals(0, count("SELECT count(*) FROM message WHERE automatic_reply AND conversation_id = '" + conversation + "'"));
        var retried = java.util.UUID.randomUUID().toString();
        var sends = new ArrayList<java.util.concurrent.CompletableFuture<Integer>>();
        for (var i = 0; i < 6; i++) {
            var node = i % 2 == 0 ? a : b;
            var id = i < 2 ? retried : java.util.UUID.randomUUID().toString(); // the first two: one send and its retry, on different nodes
            var body = Json.createObjectBuilder().add("clientMessageId", id).add("html", "<p>Are you there? " + i + "</p>").build().toString();
            sends.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return node.call(client, "POST", "/messaging/api/conversations/" + conversation + "/messages", body, Duration.ofSeconds(60))
                            .statusCode();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        var statuses = sends.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 201), statuses.toString());
        assertEquals(5, count("SELECT count(*) FROM message WHERE NOT automatic_reply AND from_client AND conversation_id = '" + conversation
                + "' AND sent_at > now() - interval '5 minutes'"), "five messages: the retry added none");
        assertEquals(1, count("SELECT count(*) FROM message WHERE automatic_reply AND conversation_id = '" + conversation + "'"),
                "one automatic reply for the thread and the period, across both nodes");
    }

    /**
     * The other half of a restart in the middle of a period: the active period's end comes while every node is
     * down (its end moved to a few seconds ahead, as an edit leaves the row, then both nodes killed); the first node
     * to start again turns it off at start-up and tells the client, once.
     */
    @Test
    @Order(4)
    void anActivePeriodWhoseEndPassedWhileEveryNodeWasDownIsTurnedOffAtStartUp() throws Exception {
        var from = cursorNow(a, alex);
        assertEquals(1, count("SELECT count(*) FROM absence WHERE state = 'active'"), "the period of the tests before still runs");
        var end = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        try (var c = postgres.connect(database);
             var s = c.prepareStatement("UPDATE absence SET ends_at = ? WHERE state = 'active'")) {
            s.setObject(1, java.time.OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
            assertEquals(1, s.executeUpdate());
        }
        downUntilPast(end);
        assertEquals(1, count("SELECT count(*) FROM absence WHERE state = 'active'"), "nobody turned it off meanwhile");
        restartOneNode();
        var changes = awaitChanges(a, alex, from, 1, Duration.ofSeconds(90));
        assertEquals(List.of(false), changes, "one turn off, by the catch-up at start-up");
        assertEquals(0, count("SELECT count(*) FROM absence WHERE state = 'active'"));
        String riveraId;
        try (var c = postgres.connect(database); var s = c.createStatement();
             var rows = s.executeQuery("SELECT id::text FROM account WHERE username = 'dr.rivera'")) {
            assertTrue(rows.next());
            riveraId = rows.getString(1);
        }
        var away = MicroNode.json(a.call(alex, "GET", "/messaging/api/practitioners/" + riveraId + "/away", null, Duration.ofSeconds(30)));
        assertEquals(false, away.getBoolean("away"), "the portal's notice is gone: " + away);
    }

    /** Kills both nodes (kill -9) and waits, with no node running, until a second after {@code moment}. */
    static void downUntilPast(Instant moment) throws Exception {
        a.kill();
        b.kill();
        a = null;
        b = null;
        while (Instant.now().isBefore(moment.plusSeconds(1))) {
            TimeUnit.MILLISECONDS.sleep(200); // waiting for the moment to pass while no node runs, not for an outcome
        }
    }

    /** Starts node a again, whose start-up runs the catch-up. */
    static void restartOneNode() throws Exception {
        a = MicroNode.start("ooo-a", properties, postgres.environment(database), List.of());
        a.awaitReady(Duration.ofMinutes(4));
    }

    static String period(Instant start, Instant end) {
        return Json.createObjectBuilder()
                .add("startsAt", LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString())
                .add("endsAt", LocalDateTime.ofInstant(end, ZoneOffset.UTC).toString())
                .add("timeZone", "UTC").add("html", "<p>Away for a moment.</p>").build().toString();
    }

    /** The away flags of the out-of-office.changed events after the cursor, long-polling until there are as many as expected. */
    static List<Boolean> awaitChanges(MicroNode node, String token, long from, int expected, Duration within) throws Exception {
        var changes = new ArrayList<Boolean>();
        var cursor = from;
        var deadline = System.nanoTime() + within.toNanos();
        while (changes.size() < expected && System.nanoTime() < deadline) {
            var page = poll(node, token, cursor, 10);
            cursor = page.getJsonNumber("cursor").longValue();
            page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                    .filter(e -> "out-of-office.changed".equals(e.getString("type")))
                    .forEach(e -> changes.add(e.getJsonObject("facts").getBoolean("away")));
        }
        // Anything already in the stream beyond the expected is read too, so a second announcement would show.
        var rest = poll(node, token, cursor, 0);
        rest.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> "out-of-office.changed".equals(e.getString("type")))
                .forEach(e -> changes.add(e.getJsonObject("facts").getBoolean("away")));
        return changes;
    }

    static long cursorNow(MicroNode node, String token) throws Exception {
        long cursor = 0;
        while (true) {
            var page = poll(node, token, cursor, 0);
            var next = page.getJsonNumber("cursor").longValue();
            if (page.getJsonArray("events").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }

    static JsonObject poll(MicroNode node, String token, long after, int wait) throws Exception {
        var reply = node.call(token, "GET", "/messaging/api/events?after=" + after + "&wait=" + wait, null, Duration.ofSeconds(wait + 30));
        assertEquals(200, reply.statusCode(), reply.body());
        return MicroNode.json(reply);
    }

    static long count(String sql) throws Exception {
        try (var c = postgres.connect(database); var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }
}
