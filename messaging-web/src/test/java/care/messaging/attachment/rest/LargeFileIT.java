package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.testing.TestClamd;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB file goes up and comes back through the API on a node whose heap is far smaller than the file
 * ({@value #HEAP}): every stage streams (the request body, type detection on the first 64 KB, clamd's INSTREAM, Tink's
 * streaming AEAD, the chunks in PostgreSQL, the download), so nothing holds the whole file. The test does not either:
 * it generates the bytes as the upload reads them and digests both directions while they stream. A node and a
 * database of its own, with the suite's clamd, whose limits are past the file's size (Clamd.SUITE_LIMIT_BYTES).
 */
class LargeFileIT {

    static final String HEAP = "-Xmx96m";
    private static final String DATABASE = System.getenv("DB_NAME") + "_large_file";
    private static final long SIZE = 100L * 1024 * 1024;
    private static MicroNode node;

    @BeforeAll
    static void start() throws Exception {
        Cluster.admin("CREATE DATABASE " + DATABASE);
        node = MicroNode.start("large-file", Cluster.nodeOptions("large-file", List.of(HEAP,
                "-Dmessaging.attachments.max-bytes=" + (SIZE + 1024 * 1024),
                // clamd writes the stream to a file and scans it after the last byte: that answer takes a while
                "-Dmessaging.attachments.clamd.timeout-seconds=300",
                "-Dmessaging.attachments.clamd.port=" + TestClamd.clamd().port())), Map.of("DB_NAME", DATABASE), List.of());
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
    void aHundredMegabyteFileGoesUpAndComesBackByteForByteOnASmallHeap() throws Exception {
        var token = node.login("dr.rivera");
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var sent = new GeneratedPdf(SIZE);
        var started = System.nanoTime();
        var upload = http.send(HttpRequest.newBuilder(node.url("/messaging/api/attachments")).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''large%20scan.pdf")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> sent), SIZE))
                .build(), HttpResponse.BodyHandlers.ofString());
        var uploaded = System.nanoTime();
        assertEquals(201, upload.statusCode(), upload.body());
        var file = MicroNode.json(upload);
        assertEquals("clean", file.getString("state"), "scanned whole by clamd: " + file);
        assertEquals(SIZE, file.getJsonNumber("size").longValue());
        assertEquals("application/pdf", file.getString("type"));
        assertEquals(SIZE, sent.generated(), "the whole file was sent");
        assertEquals(SIZE, count("SELECT size_bytes FROM attachment WHERE id = '" + file.getString("id") + "'"));
        var chunks = count("SELECT count(*) FROM attachment_chunk WHERE attachment_id = '" + file.getString("id") + "'");

        var download = http.send(HttpRequest.newBuilder(node.url("/messaging/api/attachments/" + file.getString("id")))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, download.statusCode());
        var received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (var in = download.body()) {
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.update(buffer, 0, n);
                length += n;
            }
        }
        var downloaded = System.nanoTime();
        assertEquals(SIZE, length);
        assertArrayEquals(sent.digest(), received.digest(), "the downloaded bytes are the uploaded ones");

        assertEquals(200, node.status("/health/live"), "the node is alive");
        assertFalse(node.log().contains("OutOfMemoryError"), "no OutOfMemoryError in the node's log");
        System.out.printf("LargeFileIT: %d MB on %s: upload (stored, encrypted, scanned) %.1f s, download %.1f s, %d chunks%n",
                SIZE >> 20, HEAP, (uploaded - started) / 1e9, (downloaded - uploaded) / 1e9, chunks);
    }

    static long count(String query) throws Exception {
        try (var c = DriverManager.getConnection(Cluster.url(DATABASE), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.createStatement(); var rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A PDF's header, then pseudo-random bytes, made as they are read and digested on the way. */
    static final class GeneratedPdf extends InputStream {
        private final byte[] header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        private final Random random = new Random(20261207);
        private final MessageDigest digest;
        private final long size;
        private long generated;

        GeneratedPdf(long size) throws NoSuchAlgorithmException {
            this.size = size;
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (generated >= size) {
                return -1;
            }
            var n = (int) Math.min(length, size - generated);
            var bytes = new byte[n];
            random.nextBytes(bytes);
            if (generated == 0) {
                System.arraycopy(header, 0, bytes, 0, Math.min(header.length, n));
            }
            System.arraycopy(bytes, 0, buffer, offset, n);
            digest.update(bytes, 0, n);
            generated += n;
            return n;
        }

        long generated() {
            return generated;
        }

        byte[] digest() {
            return digest.digest();
        }
    }
}
