package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.messaging.testing.Clamd;
import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fail closed over HTTP: a node whose clamd is out of reach (nothing listens on its port) still takes an
 * upload, answers it as {@code scanning}, and refuses to hand it out; once a clamd answers on that port, the held
 * files are scanned again on their own: the clean one becomes downloadable, the one with malware is removed and
 * the uploader's name is on a denied {@code attachment.rescan} row. A node of its own, with a database of its own,
 * because the suite's other nodes reach the suite's clamd. A hospital that would rather refuse uploads meanwhile sets
 * {@code messaging.attachments.refuse-unscanned}: then an upload is 503 and nothing of it is kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScannerDownIT {

    private static final String DATABASE = System.getenv("DB_NAME") + "_scanner_down";
    private static final int CLAMD_PORT = MicroNode.freePort();
    private static MicroNode node;
    private static Clamd clamd;
    private static String token;
    private static String held;
    private static String malware;

    @BeforeAll
    static void start() throws Exception {
        Cluster.admin("CREATE DATABASE " + DATABASE);
        node = MicroNode.start("scanner-down", Cluster.nodeOptions("scanner-down",
                List.of("-Dmessaging.attachments.clamd.port=" + CLAMD_PORT, "-Dmessaging.attachments.clamd.timeout-seconds=2",
                        "-Dmessaging.attachments.rescan-seconds=1")),
                Map.of("DB_NAME", DATABASE), List.of());
        node.awaitReady(Duration.ofMinutes(6));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (clamd != null) {
            clamd.close();
        }
        Cluster.admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    @Order(1)
    void anUploadWhileTheScannerIsUnreachableIsHeldAsScanningAndCannotBeDownloaded() throws Exception {
        token = node.login("dr.rivera");
        var uploaded = node.call(token, "POST", "/messaging/api/attachments", "Session plan for next week\n".repeat(100),
                "text/plain", Duration.ofSeconds(60));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        var file = MicroNode.json(uploaded);
        assertEquals("scanning", file.getString("state"));
        assertEquals("file", file.getString("name"), "no Content-Disposition: the fallback name");

        var download = node.call(token, "GET", "/messaging/api/attachments/" + file.getString("id"), null, Duration.ofSeconds(30));
        assertEquals(409, download.statusCode());
        assertEquals("urn:care-messaging:problem:attachment-not-scanned", MicroNode.json(download).getString("type"));
        held = file.getString("id");
        var infected = node.call(token, "POST", "/messaging/api/attachments", new String(Clamd.eicar(), StandardCharsets.US_ASCII),
                "text/plain", Duration.ofSeconds(60));
        assertEquals(201, infected.statusCode(), infected.body());
        malware = MicroNode.json(infected).getString("id");
        assertEquals("scanning", MicroNode.json(infected).getString("state"), "malware cannot be told while the scanner is away");
    }

    @Test
    @Order(3)
    void aNodeSetToRefuseUnscannedFilesRefusesTheUploadAndKeepsNothing() throws Exception {
        var database = DATABASE + "_refuse";
        Cluster.admin("CREATE DATABASE " + database);
        try (var refusing = MicroNode.start("scanner-refuse", Cluster.nodeOptions("scanner-refuse",
                List.of("-Dmessaging.attachments.clamd.port=" + MicroNode.freePort(), "-Dmessaging.attachments.clamd.timeout-seconds=2",
                        "-Dmessaging.attachments.refuse-unscanned=true")), Map.of("DB_NAME", database), List.of())) {
            refusing.awaitReady(Duration.ofMinutes(6));
            var uploaded = refusing.call(refusing.login("dr.rivera"), "POST", "/messaging/api/attachments", "Session plan\n".repeat(50),
                    "text/plain", Duration.ofSeconds(60));
            assertEquals(503, uploaded.statusCode(), uploaded.body());
            assertEquals("urn:care-messaging:problem:scanner-unavailable", MicroNode.json(uploaded).getString("type"));
            try (var c = DriverManager.getConnection(Cluster.url(database), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
                 var s = c.createStatement(); var rows = s.executeQuery("SELECT (SELECT count(*) FROM attachment) + (SELECT count(*) FROM attachment_chunk)")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "no row and no chunk of the refused upload");
            }
        } finally {
            Cluster.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    @Order(2)
    void onceTheScannerAnswersTheHeldFilesAreScannedAgainOnTheirOwn() throws Exception {
        clamd = Clamd.start(Path.of("target", "clamd-rescan").toAbsolutePath(), Duration.ofMinutes(2), CLAMD_PORT);
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpResponse<String> download;
        do {
            download = node.call(token, "GET", "/messaging/api/attachments/" + held, null, Duration.ofSeconds(30));
            TimeUnit.MILLISECONDS.sleep(250); // polling for an outcome, with a deadline
        } while (download.statusCode() == 409 && System.nanoTime() < deadline);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals("Session plan for next week\n".repeat(100), download.body(), "the held file, scanned clean, is handed out whole");

        HttpResponse<String> gone;
        do {
            gone = node.call(token, "GET", "/messaging/api/attachments/" + malware, null, Duration.ofSeconds(30));
            TimeUnit.MILLISECONDS.sleep(250); // polling for an outcome, with a deadline
        } while (gone.statusCode() == 409 && System.nanoTime() < deadline);
        assertEquals(404, gone.statusCode(), "the file with malware was removed: " + gone.body());
        try (var c = DriverManager.getConnection(Cluster.url(DATABASE), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.prepareStatement("SELECT outcome, count(*) FROM audit_event WHERE action = 'attachment.rescan' GROUP BY outcome ORDER BY outcome");
             var rows = s.executeQuery()) {
            var outcomes = new java.util.ArrayList<String>();
            while (rows.next()) {
                outcomes.add(rows.getString(1) + "=" + rows.getLong(2));
            }
            assertEquals(List.of("denied=1", "success=1"), outcomes, "one security event for the malware, one clean rescan");
        }
    }
}
