package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.testing.TestClamd;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node killed with {@code kill -9} in the middle of an upload leaves nothing of it: no row pointing at missing
 * bytes and no chunk without a row, because the row and every chunk are written in the upload's one transaction,
 * which PostgreSQL rolls back when the node's connection drops. A node of its own, with a database of its own.
 */
class UploadKillIT {

    private static final String DATABASE = System.getenv("DB_NAME") + "_upload_kill";
    private static final int SIZE = 20 * 1024 * 1024;
    private static MicroNode node;

    @BeforeAll
    static void start() throws Exception {
        Cluster.admin("CREATE DATABASE " + DATABASE);
        node = MicroNode.start("upload-kill", Cluster.nodeOptions("upload-kill",
                List.of("-Dmessaging.attachments.clamd.port=" + TestClamd.clamd().port())), Map.of("DB_NAME", DATABASE), List.of());
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
    void aNodeKilledInTheMiddleOfAnUploadLeavesNoRowAndNoChunk() throws Exception {
        var token = node.login("dr.rivera");
        var request = HttpRequest.newBuilder(node.url("/messaging/api/attachments")).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''scan.pdf")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(SlowPdf::new), SIZE))
                .build();
        CompletableFuture<HttpResponse<String>> upload = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());

        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (writingChunks() == 0 && System.nanoTime() < deadline && !upload.isDone()) {
            TimeUnit.MILLISECONDS.sleep(50); // polling for an outcome, with a deadline
        }
        assertEquals(1, writingChunks(), "the upload's transaction is writing chunks: " + (upload.isDone() ? upload.join().body() : "running"));
        node.kill();
        node = null;

        while (sessions() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100); // polling until PostgreSQL has ended the dead node's sessions
        }
        assertEquals(0, sessions(), "the dead node's sessions are gone");
        assertEquals(0, count("SELECT count(*) FROM attachment"), "no row pointing at missing bytes");
        assertEquals(0, count("SELECT count(*) FROM attachment_chunk"), "no chunk without its row");
        assertTrue(upload.handle((reply, failure) -> failure != null || reply.statusCode() >= 500).join(), "the upload did not succeed");
    }

    /** Sessions of this database, other than this test's, in a transaction that has written attachment chunks. */
    static long writingChunks() throws Exception {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO attachment_chunk%'");
    }

    static long sessions() throws Exception {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    static long count(String query) throws Exception {
        try (var c = DriverManager.getConnection(Cluster.url(DATABASE), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.createStatement(); var rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A PDF's header and pseudo-random bytes, handed out slowly (256 KB every 50 ms), so the node is killed mid-way. */
    static final class SlowPdf extends InputStream {
        private final Random random = new Random(SIZE);
        private final byte[] header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        private long sent;

        @Override
        public int read() {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (sent >= SIZE) {
                return -1;
            }
            var n = (int) Math.min(Math.min(length, 256 * 1024), SIZE - sent);
            if (sent > 0 && sent % (256 * 1024) == 0) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // pacing the body, not waiting for an outcome
            }
            var chunk = new byte[n];
            random.nextBytes(chunk);
            if (sent == 0) {
                System.arraycopy(header, 0, chunk, 0, Math.min(header.length, n));
            }
            System.arraycopy(chunk, 0, buffer, offset, n);
            sent += n;
            return n;
        }
    }
}
