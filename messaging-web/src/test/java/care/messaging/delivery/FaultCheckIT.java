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
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In the style of Jepsen's set workload: senders and readers spread over two nodes while a node is
 * killed with kill -9 and started again, PostgreSQL restarts, and readers drop their connections at
 * random: some readers hold WebSockets (dropped and reopened on either node with their cursor), the
 * others long-poll. Senders retry a failed send with the same clientMessageId until it is acknowledged. At the
 * end every acknowledged message was delivered to every participant's stream exactly once (after
 * de-duplication by id, and with no id delivered twice within one stream), in seq order per
 * conversation; nothing else appears; and the database holds exactly the acknowledged messages. The nodes
 * use a PostgreSQL cluster of this class's own, which is the one restarted.
 */
class FaultCheckIT {

    @RegisterExtension
    static final PrivatePostgres postgres = new PrivatePostgres("fault-check");

    static final Duration WORKLOAD = Duration.ofSeconds(30);

    /** Nodes by slot; a killed node's slot is empty until it is started again (on a new port). */
    final List<MicroNode> nodes = new CopyOnWriteArrayList<>();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Random random = new Random();
    /** What went wrong inside a sender or reader thread, reported by the test at the end. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    record Sent(String conversation, String messageId, String clientMessageId) {
    }

    record Delivered(String conversation, String messageId, long seq) {
    }

    @Test
    void acknowledgedMessagesAreDeliveredExactlyOnceInOrderThroughKillsRestartsAndDrops() throws Exception {
        var database = "messaging_faults";
        postgres.admin("CREATE DATABASE " + database);
        var options = Cluster.nodeOptions("fault-check", List.of("-Dmessaging.send.rate.capacity=100000",
                "-Dmessaging.send.rate.per-minute=100000", "-Dmessaging.events.recheck-seconds=2"));
        var environment = postgres.environment(database);
        try {
            var a = MicroNode.start("fault-a", options, environment, List.of());
            a.awaitReady(Duration.ofMinutes(4));
            nodes.add(a);
            var b = MicroNode.start("fault-b", options, environment, List.of());
            b.awaitReady(Duration.ofMinutes(4));
            nodes.add(b);
            for (var user : List.of("dr.rivera", "alex.morgan", "jordan.lee", "dr.okafor", "robin.hale")) {
                tokens.put(user, a.login(user));
            }
            var conversations = new HashMap<String, String>();
            conversations.put("alex.morgan", conversationOf("alex.morgan"));
            conversations.put("jordan.lee", conversationOf("jordan.lee"));
            conversations.put("robin.hale", conversationOf("robin.hale"));
            var members = Map.of(
                    conversations.get("alex.morgan"), List.of("dr.rivera", "alex.morgan"),
                    conversations.get("jordan.lee"), List.of("dr.rivera", "jordan.lee"),
                    conversations.get("robin.hale"), List.of("dr.okafor", "robin.hale"));
            var senders = Map.of(
                    "dr.rivera", conversations.get("alex.morgan"),
                    "alex.morgan", conversations.get("alex.morgan"),
                    "jordan.lee", conversations.get("jordan.lee"),
                    "robin.hale", conversations.get("robin.hale"),
                    "dr.okafor", conversations.get("robin.hale"));

            // The demo data's messages (its announcement's copies told their readers by events) came before
            // the workload: what is compared below is the workload's messages.
            var seeded = storedMessages(database);
            var before = seeded.size();
            var stop = new AtomicBoolean();
            var acknowledged = new CopyOnWriteArrayList<Sent>();
            var deliveries = new ConcurrentHashMap<String, List<Delivered>>();
            var threads = new ArrayList<Thread>();
            var readersStop = new AtomicBoolean();
            var socketReaders = Set.of("dr.rivera", "jordan.lee", "robin.hale");
            for (var reader : tokens.keySet()) {
                var list = new CopyOnWriteArrayList<Delivered>();
                deliveries.put(reader, list);
                threads.add(start(socketReaders.contains(reader)
                        ? () -> readSocket(reader, list, readersStop)
                        : () -> read(reader, list, readersStop)));
            }
            var senderThreads = new ArrayList<Thread>();
            for (var entry : senders.entrySet()) {
                senderThreads.add(start(() -> send(entry.getKey(), entry.getValue(), stop, acknowledged)));
            }

            // The faults, at fixed points of the workload.
            TimeUnit.SECONDS.sleep(8);
            nodes.remove(b);
            b.kill();
            TimeUnit.SECONDS.sleep(6);
            var b2 = MicroNode.start("fault-b2", options, environment, List.of());
            // A restart while the other node, the workload and PostgreSQL share the machine: slower than a first start.
            b2.awaitReady(Duration.ofMinutes(4));
            nodes.add(b2);
            TimeUnit.SECONDS.sleep(4);
            postgres.restart();
            TimeUnit.SECONDS.sleep(Math.max(0, WORKLOAD.toSeconds() - 18));
            stop.set(true);
            // A sender stops only once its last message is acknowledged (a retry may still be on its way to a
            // node that is starting again): compare only when every send is acknowledged, or the messages
            // committed but not yet acknowledged would count as "extra".
            var sendersDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            for (var thread : senderThreads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(sendersDeadline - System.nanoTime())));
                assertFalse(thread.isAlive(), "a sender still waits for the acknowledgement of its last message");
            }

            // Readers catch up; then compare.
            var expected = new HashMap<String, Set<String>>();
            for (var sent : acknowledged) {
                for (var member : members.get(sent.conversation())) {
                    expected.computeIfAbsent(member, m -> new HashSet<>()).add(sent.messageId());
                }
            }
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !caughtUp(expected, deliveries)) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
            readersStop.set(true);
            for (var thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
            System.out.printf("fault check: %d messages acknowledged, %d deliveries to %d streams, %d stored%n",
                    acknowledged.size(), deliveries.values().stream().mapToInt(List::size).sum(), deliveries.size(),
                    storedMessages(database).size());
            assertEquals(List.of(), failures, "sender and reader threads");
            assertTrue(acknowledged.size() > 50, "the workload ran: " + acknowledged.size() + " messages acknowledged");
            for (var reader : tokens.keySet()) {
                var got = deliveries.get(reader);
                var ids = got.stream().map(Delivered::messageId).toList();
                assertEquals(new HashSet<>(ids).size(), ids.size(), reader + " received a message twice in its stream");
                var workload = new HashSet<>(ids);
                workload.removeAll(seeded);
                assertEquals(expected.getOrDefault(reader, Set.of()), workload,
                        reader + ": delivered must equal acknowledged (nothing lost, nothing extra)");
                var lastSeq = new HashMap<String, Long>();
                for (var d : got) {
                    var previous = lastSeq.put(d.conversation(), d.seq());
                    assertTrue(previous == null || d.seq() > previous, reader + " got seq " + d.seq() + " after " + previous);
                }
            }
            var stored = storedMessages(database);
            var acked = new HashSet<String>();
            acknowledged.forEach(m -> acked.add(m.messageId()));
            assertEquals(acknowledged.size(), acked.size(), "no acknowledgement named the same message twice");
            assertTrue(stored.containsAll(acked), "every acknowledged message is stored");
            assertEquals(before + acked.size(), stored.size(), "nothing but the demo data and the acknowledged messages is stored");
        } finally {
            for (var node : nodes) {
                node.close();
            }
        }
    }

    static Set<String> storedMessages(String database) throws java.sql.SQLException {
        try (var c = postgres.connect(database);
             var s = c.createStatement(); var rows = s.executeQuery("SELECT id FROM message")) {
            var stored = new HashSet<String>();
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
            return stored;
        }
    }

    boolean caughtUp(Map<String, Set<String>> expected, Map<String, List<Delivered>> deliveries) {
        for (var entry : expected.entrySet()) {
            var got = new HashSet<String>();
            deliveries.get(entry.getKey()).forEach(d -> got.add(d.messageId()));
            if (!got.containsAll(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Sends until told to stop; a failed send is retried with the same clientMessageId until acknowledged. */
    void send(String user, String conversation, AtomicBoolean stop, List<Sent> acknowledged) {
        while (!stop.get()) {
            var clientMessageId = UUID.randomUUID().toString();
            var body = Json.createObjectBuilder().add("clientMessageId", clientMessageId).add("html", "<p>set workload</p>").build();
            while (true) {
                try {
                    var reply = anyNode().call(tokens.get(user), "POST", "/messaging/api/conversations/" + conversation + "/messages",
                            body.toString(), Duration.ofSeconds(10));
                    if (reply.statusCode() == 201 || reply.statusCode() == 200) {
                        acknowledged.add(new Sent(conversation, MicroNode.json(reply).getString("id"), clientMessageId));
                        break;
                    }
                    if (reply.statusCode() < 500) {
                        throw new AssertionError("a send was refused: " + reply.statusCode() + " " + reply.body());
                    }
                } catch (IOException | RuntimeException unavailable) {
                    // a killed node, a restarting database: retry the same message
                }
                pause(100);
            }
        }
    }

    /** Follows one account's stream over any node, dropping its request at random and resuming from its cursor. */
    void read(String user, List<Delivered> delivered, AtomicBoolean stop) {
        long cursor = 0;
        while (!stop.get()) {
            try {
                // A dropped connection: a short request timeout abandons the held poll now and then.
                var timeout = random.nextInt(4) == 0 ? Duration.ofMillis(300 + random.nextInt(1500)) : Duration.ofSeconds(10);
                var reply = anyNode().call(tokens.get(user), "GET", "/messaging/api/events?after=" + cursor + "&wait=3", null, timeout);
                if (reply.statusCode() != 200) {
                    pause(100);
                    continue;
                }
                var page = MicroNode.json(reply);
                if (page.getBoolean("resync")) {
                    throw new AssertionError(user + " was told to resync during the workload");
                }
                for (var event : page.getJsonArray("events").getValuesAs(JsonObject.class)) {
                    if (event.getString("type").equals("message.created")) {
                        var id = event.getString("messageId");
                        // Every delivery is recorded, duplicates included: the check counts them.
                        delivered.add(new Delivered(event.getString("conversationId"), id, event.getJsonNumber("seq").longValue()));
                    }
                }
                cursor = page.getJsonNumber("cursor").longValue();
            } catch (IOException | RuntimeException dropped) {
                pause(100);
            }
        }
    }

    /**
     * Follows one account's stream over WebSockets: each socket is dropped after a random while (or when
     * its node dies) and a new one opened on any node with the last cursor seen.
     */
    void readSocket(String user, List<Delivered> delivered, AtomicBoolean stop) {
        var cursor = new java.util.concurrent.atomic.AtomicLong();
        while (!stop.get()) {
            var closed = new java.util.concurrent.CompletableFuture<Void>();
            // Once this socket is given up, frames it may still hand over are ignored: the next one replays them.
            var active = new AtomicBoolean(true);
            var lock = new Object();
            java.net.http.WebSocket socket = null;
            try {
                var node = anyNode();
                var uri = java.net.URI.create("ws://127.0.0.1:" + node.url("/").getPort() + "/messaging/ws?after=" + cursor.get());
                socket = MicroNode.http().newWebSocketBuilder().header("Authorization", "Bearer " + tokens.get(user))
                        .connectTimeout(Duration.ofSeconds(3))
                        .buildAsync(uri, new java.net.http.WebSocket.Listener() {
                            final StringBuilder text = new StringBuilder();

                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    var frame = parse(text.toString());
                                    text.setLength(0);
                                    synchronized (lock) {
                                    if (!active.get()) {
                                        return null;
                                    }
                                    if (frame.getBoolean("resync")) {
                                        failures.add(new AssertionError(user + " was told to resync during the workload"));
                                    }
                                    for (var event : frame.getJsonArray("events").getValuesAs(JsonObject.class)) {
                                        if (event.getString("type").equals("message.created")) {
                                            delivered.add(new Delivered(event.getString("conversationId"), event.getString("messageId"),
                                                    event.getJsonNumber("seq").longValue()));
                                        }
                                    }
                                    cursor.set(frame.getJsonNumber("cursor").longValue());
                                    }
                                }
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int status, String reason) {
                                closed.complete(null);
                                return null;
                            }

                            @Override
                            public void onError(java.net.http.WebSocket ws, Throwable error) {
                                closed.complete(null);
                            }
                        }).get(10, TimeUnit.SECONDS);
                // Dropped at random: abort after a while, unless the node or the server closes it first.
                try {
                    closed.get(300 + random.nextInt(3000), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException dropNow) {
                    // dropped below
                }
                synchronized (lock) {
                    active.set(false);
                }
                socket.abort();
            } catch (Exception unavailable) {
                synchronized (lock) {
                    active.set(false);
                }
                if (socket != null) {
                    socket.abort();
                }
                pause(100);
            }
        }
    }

    static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    MicroNode anyNode() {
        var list = new ArrayList<>(nodes);
        if (list.isEmpty()) {
            throw new IllegalStateException("no node");
        }
        return list.get(random.nextInt(list.size()));
    }

    String conversationOf(String user) throws IOException, InterruptedException {
        var reply = nodes.get(0).call(tokens.get(user), "GET", "/messaging/api/conversations", null, Duration.ofSeconds(30));
        return MicroNode.json(reply).getJsonArray("items").getJsonObject(0).getString("id");
    }

    Thread start(Runnable work) {
        var thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
