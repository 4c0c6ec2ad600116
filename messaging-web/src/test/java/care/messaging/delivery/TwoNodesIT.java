package care.messaging.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
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

/**
 * Two Payara Micro nodes on different ports against one database are one deployment: a message sent
 * through node A reaches a reader held on node B, woken by PostgreSQL NOTIFY (the readers' own periodic
 * look is set far beyond the wait, so only a hint can answer in time); after PostgreSQL restarts, the
 * listeners reconnect and catch up from the table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final String ISSUER = "https://two-nodes.invalid/care-messaging";
    static final Path TARGET = Path.of(System.getProperty("messaging.it.micro-jar")).getParent();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String database;
    static MicroNode a;
    static MicroNode b;
    static String rivera;
    static String alex;
    static String conversation;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = System.getenv("DB_NAME") + "_nodes";
        admin("CREATE DATABASE " + database);
        var keys = devLoginKeys();
        var properties = List.of("-Dmessaging.keys.keystore=" + System.getProperty("messaging.it.keystore"),
                "-Dmessaging.dev.login=true", "-Dmessaging.demo.data=true",
                "-Dmessaging.dev.jwt.private-key.location=" + keys[0],
                "-Dmp.jwt.verify.publickey.location=" + keys[1].toUri(),
                "-Dmp.jwt.verify.issuer=" + ISSUER,
                "-Dmessaging.events.recheck-seconds=600");
        // One after the other: the first seeds the demo data, the second finds it.
        a = MicroNode.start("node-a", properties, Map.of("DB_NAME", database), List.of());
        a.awaitReady(Duration.ofMinutes(2));
        b = MicroNode.start("node-b", properties, Map.of("DB_NAME", database), List.of());
        b.awaitReady(Duration.ofMinutes(2));
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
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    @Order(1)
    void aMessageSentThroughOneNodeReachesAReaderHeldOnTheOther() throws Exception {
        var from = cursorNow(b, alex);
        var held = CompletableFuture.supplyAsync(() -> poll(b, alex, from, 25));
        TimeUnit.SECONDS.sleep(1);
        assertFalse(held.isDone(), "the poll is held on node B");
        var sent = send(a, rivera, "across nodes");
        var page = held.get(60, TimeUnit.SECONDS);
        assertTrue(messageIds(page).contains(sent), "node B answered with the message sent through node A: " + page);
    }

    @Test
    @Order(2)
    void afterPostgresRestartsTheListenersReconnectAndNothingIsLost() throws Exception {
        var from = cursorNow(b, alex);
        var held = CompletableFuture.supplyAsync(() -> poll(b, alex, from, 25));
        TimeUnit.SECONDS.sleep(1);
        restartPostgres();
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

    static void restartPostgres() throws IOException, InterruptedException {
        var version = Files.list(Path.of("/etc/postgresql")).findFirst().orElseThrow().getFileName().toString();
        var process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0, "pg_ctlcluster restart: " + output);
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var c = DriverManager.getConnection(url("postgres"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))) {
                return;
            } catch (SQLException notYet) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
        throw new AssertionError("PostgreSQL did not come back");
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
        var reply = call(node, null, "POST", "/messaging/api/dev/login", "{\"username\":\"" + username + "\"}");
        assertEquals(200, reply.statusCode(), reply::body);
        return json(reply).getString("token");
    }

    static HttpResponse<String> call(MicroNode node, String token, String method, String path, String body) {
        var request = HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> reply) {
        if (reply.statusCode() != 200 && reply.statusCode() != 201) {
            throw new AssertionError("HTTP " + reply.statusCode() + ": " + reply.body());
        }
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }

    /** A dev-login key pair for both nodes: [private PKCS#8 PEM, public PEM]. */
    static Path[] devLoginKeys() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        var privatePem = TARGET.resolve("two-nodes-private.pem");
        var publicPem = TARGET.resolve("two-nodes-public.pem");
        Files.writeString(privatePem, "-----BEGIN PRIVATE KEY-----\n" + encoder.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(publicPem, "-----BEGIN PUBLIC KEY-----\n" + encoder.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return new Path[] {privatePem, publicPem};
    }

    static void admin(String sql) throws SQLException {
        try (var c = DriverManager.getConnection(url("postgres"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String url(String name) {
        return "jdbc:postgresql://" + System.getenv("DB_HOST") + ":" + System.getenv("DB_PORT") + "/" + name;
    }
}
