package care.messaging.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node's own health checks as a load balancer (readiness) and an orchestrator (liveness) read them on Payara
 * Micro: the database, the event listener, the keys and the audit trail's chain heads; a keystore the node can no
 * longer read, or a database it cannot reach, takes it out of service until it is back, while liveness stays UP: only
 * what a restart would fix (the event listener's thread gone) makes a node not alive.
 */
@ExtendWith(WebApp.class)
class HealthIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void readinessAndLivenessNameTheAppsOwnChecksAndRevealNothing(WebApp app) throws Exception {
        var ready = health(app, "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        var checks = checks(MicroNode.json(ready));
        assertAll(() -> assertEquals("UP", checks.get("database").getString("status")),
                () -> assertEquals("UP", checks.get("event-listener").getString("status")),
                () -> assertEquals("listen", checks.get("event-listener").getJsonObject("data").getString("mode"), "the node LISTENs"),
                () -> assertEquals("UP", checks.get("keys").getString("status")),
                () -> assertTrue(number(checks.get("keys"), "dataKeys") >= 1),
                () -> assertEquals("UP", checks.get("audit-chain").getString("status")),
                () -> assertTrue(number(checks.get("audit-chain"), "chains") >= 0, "a count (none yet on a fresh node)"));
        var keystore = System.getProperty("messaging.it.keystore");
        assertFalse(ready.body().contains(keystore) || ready.body().contains(Path.of(keystore).getFileName().toString()),
                "no path in an unauthenticated answer: " + ready.body());
        var live = health(app, "/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", checks(MicroNode.json(live)).get("event-listener").getString("status"));
    }

    @Test
    void aNodeThatCanNoLongerReadItsKeystoreIsNotReadyUntilItIsBack(WebApp app) throws Exception {
        var keystore = Path.of(System.getProperty("messaging.it.keystore"));
        var aside = keystore.resolveSibling(keystore.getFileName() + ".aside");
        Files.move(keystore, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            var ready = health(app, "/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            var checks = checks(MicroNode.json(ready));
            assertEquals("DOWN", checks.get("keys").getString("status"));
            assertEquals("UP", checks.get("database").getString("status"), "only the keys are down");
            assertEquals(200, health(app, "/health/live").statusCode(), "alive: a restart would not bring the file back");
        } finally {
            Files.move(aside, keystore, StandardCopyOption.ATOMIC_MOVE);
        }
        var back = health(app, "/health/ready");
        assertEquals(200, back.statusCode(), back.body());
    }

    @Test
    void aNodeCutOffFromItsDatabaseIsNotReadyButAliveAndReadyAgainWhenTheDatabaseIsBack(WebApp app) throws Exception {
        var database = app.jdbcUrl().substring(app.jdbcUrl().lastIndexOf('/') + 1);
        Cluster.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        try {
            Cluster.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            // The listener notices its cut connection at its next keepalive, within five seconds.
            var ready = awaitChecks(app, "/health/ready", checks -> "DOWN".equals(checks.get("event-listener").getString("status")));
            assertEquals(503, ready.statusCode(), ready.body());
            var checks = checks(MicroNode.json(ready));
            assertEquals("DOWN", checks.get("database").getString("status"), ready.body());
            var live = health(app, "/health/live");
            assertEquals(200, live.statusCode(), "alive: restarting the node would not bring the database back " + live.body());
            assertEquals("UP", checks(MicroNode.json(live)).get("event-listener").getString("status"), "its thread is there, reconnecting");
        } finally {
            Cluster.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        var back = awaitChecks(app, "/health/ready", checks -> checks.values().stream().allMatch(c -> "UP".equals(c.getString("status"))));
        assertEquals(200, back.statusCode(), "ready again, without a restart: " + back.body());
    }

    /** Asks until the checks satisfy the condition (at most 60 s); answers the last answer. */
    static HttpResponse<String> awaitChecks(WebApp app, String path, java.util.function.Predicate<Map<String, JsonObject>> condition)
            throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var reply = health(app, path);
        while (!condition.test(checks(MicroNode.json(reply))) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            reply = health(app, path);
        }
        return reply;
    }

    static HttpResponse<String> health(WebApp app, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A check's number as Payara's health answer carries it (as a JSON string; the specification leaves the type open). */
    static long number(JsonObject check, String name) {
        var value = check.getJsonObject("data").get(name);
        return Long.parseLong(value instanceof jakarta.json.JsonString text ? text.getString() : value.toString());
    }

    static Map<String, JsonObject> checks(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
    }
}
