package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Clamd;
import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.testing.PrivatePostgres;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full disk during an upload is an error, not a half-file. A private PostgreSQL cluster keeps
 * {@code attachment_chunk} (and its TOAST table, where the chunks' bytes are) in a tablespace on a 16 MB
 * tmpfs mounted under target/, a third of it taken by a ballast file; a node of its own uses that cluster,
 * and a clamd of its own over a Unix socket. A 20 MB upload runs out of room half-way: 507
 * {@code storage-full}, no attachment row, no chunk. With the ballast removed the next upload is stored and
 * scanned clean. Needs root (mount), as the project's machines run the tests.
 */
class StorageFullIT {

    private static final Path TARGET = Path.of(System.getProperty("messaging.it.micro-jar")).getParent().toAbsolutePath();
    private static final Path DISK = TARGET.resolve("storage-full-disk");
    private static final Path BALLAST = DISK.resolve("ballast");
    private static final String DATABASE = "messaging_storage_full";
    private static final int DISK_MB = 16;
    private static final int BALLAST_MB = 6;
    private static final PrivatePostgres postgres = new PrivatePostgres("storage-full");
    private static Clamd clamd;
    private static MicroNode node;
    private static boolean mounted;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DISK);
        run("mount", "-t", "tmpfs", "-o", "size=" + DISK_MB + "m,mode=0755", "tmpfs", DISK.toString());
        mounted = true;
        var tablespace = Files.createDirectories(DISK.resolve("pg"));
        run("chown", "postgres:postgres", tablespace.toString());
        postgres.start();
        postgres.admin("CREATE TABLESPACE small LOCATION '" + tablespace + "'");
        postgres.admin("CREATE DATABASE " + DATABASE);
        clamd = Clamd.startOnUnixSocket(TARGET.resolve("clamd-storage-full").toAbsolutePath(), Duration.ofMinutes(2));
        node = MicroNode.start("storage-full", Cluster.nodeOptions("storage-full",
                List.of("-Dmessaging.attachments.clamd.socket=" + clamd.socket(), "-Dmessaging.attachments.refuse-unscanned=true")),
                postgres.environment(DATABASE), List.of());
        node.awaitReady(Duration.ofMinutes(6));
        // the schema is the node's (migrated at start); only the chunks move to the small disk
        sql("ALTER TABLE attachment_chunk SET TABLESPACE small");
        Files.write(BALLAST, new byte[BALLAST_MB * 1024 * 1024]);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
            if (clamd != null) {
                clamd.close();
            }
            postgres.stop();
        } finally {
            if (mounted) {
                run("umount", DISK.toString());
            }
        }
    }

    @Test
    void anUploadThatFillsTheDiskIs507AndLeavesNothingThenOneFitsOnceThereIsRoom() throws Exception {
        var token = node.login("dr.rivera");
        var free = Files.getFileStore(DISK).getUsableSpace();
        var size = 20 * 1024 * 1024;
        assertTrue(free < size / 2, "the disk has less room than the file: " + free);

        var refused = upload(token, pdf(size, 1));
        assertEquals(507, refused.status(), refused.toString());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("urn:care-messaging:problem:storage-full", refused.json().getString("type"));
        assertFalse(refused.body().contains("scan.pdf"), "no file name in the problem");
        assertEquals(0, count("SELECT count(*) FROM attachment"), "no attachment row");
        assertEquals(0, count("SELECT count(*) FROM attachment_chunk"), "no chunk row");
        assertTrue(Files.getFileStore(DISK).getUsableSpace() < 1024 * 1024, "the upload did fill the disk");

        Files.delete(BALLAST);
        var stored = upload(token, pdf(2 * 1024 * 1024, 2));
        assertEquals(201, stored.status(), stored.toString());
        assertEquals("clean", stored.json().getString("state"), "scanned by clamd over its Unix socket");
        assertEquals(1, count("SELECT count(*) FROM attachment"));
        assertEquals(3, count("SELECT count(*) FROM attachment_chunk"), "2 MB and the cipher's overhead in 1 MB chunks");
    }

    record Reply(int status, String contentType, String body) {
        jakarta.json.JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /**
     * A POST over a plain socket, its body written by another thread: the node answers a full disk before it
     * has read the whole body, and an HTTP client that only reads after sending would see the reset instead.
     */
    static Reply upload(String token, byte[] content) throws Exception {
        var address = node.url("/messaging/api/attachments");
        try (var socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
            var head = "POST " + address.getPath() + " HTTP/1.1\r\nHost: " + address.getHost() + ":" + address.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/pdf\r\n"
                    + "Content-Disposition: attachment; filename*=UTF-8''scan.pdf\r\nConnection: close\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n";
            var out = socket.getOutputStream();
            var writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    for (int sent = 0; sent < content.length; sent += 64 * 1024) {
                        out.write(content, sent, Math.min(64 * 1024, content.length - sent));
                    }
                    out.flush();
                } catch (IOException answeredEarly) {
                    // the node answered and closed before the whole body was read: its answer is what counts
                }
            });
            var reply = read(socket.getInputStream());
            writing.get(2, TimeUnit.MINUTES);
            return reply;
        }
    }

    static Reply read(InputStream in) throws IOException {
        var headers = new ByteArrayOutputStream();
        for (int b; !headers.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) {
            headers.write(b);
        }
        var lines = headers.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        var status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = "";
        var length = -1;
        var chunked = false;
        for (var line : lines) {
            var lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring(13).trim().split(";")[0];
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body;
        if (chunked) {
            var all = new ByteArrayOutputStream();
            while (true) {
                var size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                all.write(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else {
            body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        }
        return new Reply(status, type, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** A PDF's header and pseudo-random bytes: typed as PDF, incompressible, clean. */
    static byte[] pdf(int size, long seed) {
        var bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        var header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    static void sql(String statement) throws Exception {
        try (var c = postgres.connect(DATABASE); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long count(String query) throws Exception {
        try (var c = postgres.connect(DATABASE); var s = c.createStatement(); var rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
