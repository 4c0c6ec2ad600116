package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fail closed over HTTP: a node whose clamd is out of reach (nothing listens on its port) still takes an
 * upload, answers it as {@code scanning}, and refuses to hand it out. A node of its own, with a database of
 * its own, because the suite's other nodes reach the suite's clamd.
 */
class ScannerDownIT {

    private static final String DATABASE = System.getenv("DB_NAME") + "_scanner_down";
    private static MicroNode node;

    @BeforeAll
    static void start() throws Exception {
        Cluster.admin("CREATE DATABASE " + DATABASE);
        node = MicroNode.start("scanner-down", Cluster.nodeOptions("scanner-down",
                List.of("-Dmessaging.attachments.clamd.port=" + MicroNode.freePort(), "-Dmessaging.attachments.clamd.timeout-seconds=2")),
                Map.of("DB_NAME", DATABASE), List.of());
        node.awaitReady(Duration.ofMinutes(6));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        Cluster.admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void anUploadWhileTheScannerIsUnreachableIsHeldAsScanningAndCannotBeDownloaded() throws Exception {
        var token = node.login("dr.rivera");
        var uploaded = node.call(token, "POST", "/messaging/api/attachments", "Session plan for next week\n".repeat(100),
                "text/plain", Duration.ofSeconds(60));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        var file = MicroNode.json(uploaded);
        assertEquals("scanning", file.getString("state"));
        assertEquals("file", file.getString("name"), "no Content-Disposition: the fallback name");

        var download = node.call(token, "GET", "/messaging/api/attachments/" + file.getString("id"), null, Duration.ofSeconds(30));
        assertEquals(409, download.statusCode());
        assertEquals("urn:care-messaging:problem:attachment-not-scanned", MicroNode.json(download).getString("type"));
    }
}
