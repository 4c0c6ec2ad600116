package care.messaging.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.testing.PrivatePostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Payara Micro nodes on different ports against one database are one deployment: a message sent
 * through node A reaches a reader held on node B, woken by PostgreSQL NOTIFY (the readers' own periodic
 * look is set far beyond the wait, so only a hint can answer in time); after PostgreSQL restarts, the
 * listeners reconnect and catch up from the table. The nodes use a PostgreSQL cluster of this class's own,
 * which is the one restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    @RegisterExtension
    static final PrivatePostgres postgres = new PrivatePostgres("two-nodes");

    /** What every read of an event stream runs first (EventReader.STREAM), held polls' looks included. */
    static final String STREAM_READ = "SELECT last_cursor, trimmed_through FROM event_stream WHERE account_id = $1";

    static String database;
    static MicroNode a;
    static MicroNode b;
    static String rivera;
    static String alex;
    static String conversation;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = "messaging_nodes";
        postgres.admin("CREATE DATABASE " + database);
        var properties = Cluster.nodeOptions("two-nodes", List.of("-Dmessaging.events.recheck-seconds=600"));
        // One after the other: the first seeds the demo data, the second finds it.
        a = MicroNode.start("node-a", properties, postgres.environment(database), List.of());
        a.awaitReady(Duration.ofMinutes(4));
        b = MicroNode.start("node-b", properties, postgres.environment(database), List.of());
        b.awaitReady(Duration.ofMinutes(4));
        rivera = login(a, "dr.rivera");
        alex = login(b, "alex.morgan");
        conversation = json(call(a, rivera, "GET", "/messaging/api/conversations", null)).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonObject("counterpart").getString("displayName").equals("Alex Morgan"))
                .findFirst().orElseThrow().getString("id");
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
    void aMessageSentThroughOneNodeReachesAReaderHeldOnTheOther() throws Exception {
        var from = cursorNow(b, alex);
        var held = holdPoll(from);
        var sent = send(a, rivera, "across nodes");
        var page = held.get(60, TimeUnit.SECONDS);
        assertTrue(messageIds(page).contains(sent), "node B answered with the message sent through node A: " + page);
    }

    @Test
    @Order(2)
    void afterPostgresRestartsTheListenersReconnectAndNothingIsLost() throws Exception {
        var from = cursorNow(b, alex);
        var held = holdPoll(from);
        postgres.restart();
        // The pools heal by validating connections; the first sends after a restart may still fail.
        String sent = null;
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sent == null && System.nanoTime() < deadline) {
            try {
                sent = send(a, rivera, "after the restart");
            } catch (AssertionError | RuntimeException retry) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
        assertTrue(sent != null, "node A sends again after PostgreSQL restarted");
        var page = held.get(60, TimeUnit.SECONDS);
        assertTrue(messageIds(page).contains(sent), "the reader held through the restart got the message: " + page);
        for (var node : List.of(a, b)) {
            assertTrue(node.log().split("Listening for event hints", -1).length - 1 >= 2, "each node's listener reconnected");
        }
    }

    /**
     * A long poll of alex's on node B, returned once it is held: it has read the stream and found nothing,
     * subscribed to hints and looked again (the barrier: the second read of the stream after the request,
     * seen in pg_stat_statements, comes only after the subscription). Nothing else reads streams meanwhile.
     */
    static CompletableFuture<JsonObject> holdPoll(long from) throws InterruptedException {
        var before = postgres.calls(STREAM_READ);
        var held = CompletableFuture.supplyAsync(() -> poll(b, alex, from, 25));
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (postgres.calls(STREAM_READ) < before + 2) {
            assertFalse(held.isDone(), () -> "the poll answered before it was held: " + held.join());
            assertTrue(System.nanoTime() < deadline, "the poll did not look twice within 30 s");
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertFalse(held.isDone(), "the poll is held on node B");
        return held;
    }

    static long cursorNow(MicroNode node, String token) {
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

    static JsonObject poll(MicroNode node, String token, long after, int wait) {
        return json(call(node, token, "GET", "/messaging/api/events?after=" + after + "&wait=" + wait, null));
    }

    static String send(MicroNode node, String token, String text) {
        var body = Json.createObjectBuilder().add("clientMessageId", UUID.randomUUID().toString()).add("html", "<p>" + text + "</p>").build();
        var reply = call(node, token, "POST", "/messaging/api/conversations/" + conversation + "/messages", body.toString());
        assertEquals(201, reply.statusCode(), reply::body);
        return json(reply).getString("id");
    }

    static List<String> messageIds(JsonObject page) {
        return page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("message.created"))
                .map(e -> e.getString("messageId")).toList();
    }

    static String login(MicroNode node, String username) {
        try {
            return node.login(username);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> call(MicroNode node, String token, String method, String path, String body) {
        try {
            return node.call(token, method, path, body, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    static JsonObject json(HttpResponse<String> reply) {
        if (reply.statusCode() != 200 && reply.statusCode() != 201) {
            throw new AssertionError("HTTP " + reply.statusCode() + ": " + reply.body());
        }
        return MicroNode.json(reply);
    }
}
