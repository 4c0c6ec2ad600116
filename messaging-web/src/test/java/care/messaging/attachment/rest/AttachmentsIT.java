package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.attachment.boundary.Attachments;
import care.messaging.testing.Clamd;
import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The upload and download API over HTTP, on the browser tests' node (demo data, the dev login, the suite's
 * real clamd): files typed by content, scanned, stored encrypted, handed back byte for byte to their uploader
 * only, with headers that keep a browser from running them; every refusal leaves no row.
 */
@ExtendWith(WebApp.class)
class AttachmentsIT {

    private static final String NAME = "Intake form – Sam’s copy.pdf";

    @Test
    void anUploadedPdfComesBackByteForByteWithHeadersThatKeepItOutOfTheAppsOrigin(WebApp app) throws Exception {
        var token = app.token("dr.rivera");
        var pdf = pdf(3 * 1024 * 1024 + 4321);
        var before = attachments(app, "dr.rivera");

        var uploaded = upload(app, token, pdf, NAME);
        assertEquals(201, uploaded.statusCode(), body(uploaded));
        var file = json(uploaded);
        assertEquals(NAME, file.getString("name"));
        assertEquals("application/pdf", file.getString("type"));
        assertEquals(pdf.length, file.getJsonNumber("size").longValue());
        assertEquals("clean", file.getString("state"));
        assertEquals(before + 1, attachments(app, "dr.rivera"));
        assertTrue(uploaded.headers().firstValue("Location").orElseThrow().endsWith("attachments/" + file.getString("id")));

        var downloads = audited(app, "attachment.download");
        var download = app.bytes(token, "GET", "attachments/" + file.getString("id"), HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElseThrow());
        var disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''" + URLEncoder.encode(NAME, StandardCharsets.UTF_8).replace("+", "%20")), disposition);
        assertEquals(NAME, ContentDisposition.fileName(disposition), "the name comes back as it was given");
        // exactly these: a second, looser policy beside the sandbox would be enforced too, but says nothing here
        assertEquals(java.util.List.of("nosniff"), download.headers().allValues("X-Content-Type-Options"));
        assertEquals(java.util.List.of("sandbox"), download.headers().allValues("Content-Security-Policy"));
        assertEquals(java.util.List.of("no-store"), download.headers().allValues("Cache-Control"));
        assertEquals(downloads + 1, audited(app, "attachment.download"));
    }

    @Test
    void aGuardianUploadsAndDownloadsTheirOwnFileAndTheUploadIsAudited(WebApp app) {
        var token = app.token("jordan.lee");
        var uploads = audited(app, "attachment.upload");
        var text = "Sam's school letter, scanned\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        var file = json(upload(app, token, text, "letter.txt"));
        assertEquals("text/plain", file.getString("type"));
        assertEquals(uploads + 1, audited(app, "attachment.upload"));
        var download = app.bytes(token, "GET", "attachments/" + file.getString("id"), HttpRequest.BodyPublishers.noBody(), Map.of());
        assertArrayEquals(text, download.body());
    }

    @Test
    void aFileOfARefusedTypeIs415WhateverItsNameOrDeclaredTypeAndLeavesNoRow(WebApp app) {
        var token = app.token("dr.rivera");
        var before = attachments(app, "dr.rivera");
        var html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        var elf = new byte[4096];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        for (var refused : new byte[][] {html, elf}) {
            var reply = app.bytes(token, "POST", "attachments", HttpRequest.BodyPublishers.ofByteArray(refused),
                    Map.of("Content-Type", "application/pdf", "Content-Disposition", "attachment; filename*=UTF-8''form.pdf"));
            assertProblem(reply, 415, "attachment-type-not-allowed");
        }
        assertEquals(before, attachments(app, "dr.rivera"));
    }

    @Test
    void anInfectedFileIs422KeepsNothingAndIsAuditedAsARefusal(WebApp app) throws Exception {
        var token = app.token("dr.rivera");
        var before = attachments(app, "dr.rivera");
        var refusals = app.sql("SELECT count(*) FROM audit_event e JOIN account a ON a.id = e.actor_id WHERE a.username = 'dr.rivera'"
                + " AND e.action = 'access.denied' AND e.attempted_action = 'attachment.upload' AND e.reason = 'attachment-infected'");
        var infected = new ByteArrayOutputStream();
        infected.write("Notes before the payload\n".repeat(5000).getBytes(StandardCharsets.US_ASCII));
        infected.write(Clamd.eicar());

        assertProblem(upload(app, token, infected.toByteArray(), "notes.txt"), 422, "attachment-infected");
        assertEquals(before, attachments(app, "dr.rivera"), "no row");
        assertEquals(refusals + 1, app.sql("SELECT count(*) FROM audit_event e JOIN account a ON a.id = e.actor_id WHERE a.username = 'dr.rivera'"
                + " AND e.action = 'access.denied' AND e.attempted_action = 'attachment.upload' AND e.reason = 'attachment-infected'"),
                "the refusal is recorded though the upload rolled back");
    }

    @Test
    void aBodyOverTheLimitIs413WhileItStreamsAndLeavesNoRow(WebApp app) {
        var token = app.token("dr.rivera");
        var before = attachments(app, "dr.rivera");
        var limit = Attachments.DEFAULT_MAX_BYTES;
        var header = pdf(1024);
        // a stream of unknown length (sent chunked): only counting while reading can stop it
        InputStream endless = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent < header.length ? header[(int) sent++] : (sent++ <= limit ? 'x' : -1);
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (sent > limit) {
                    return -1;
                }
                var n = 0;
                while (n < length && sent <= limit) {
                    into[offset + n++] = (byte) read();
                }
                return n;
            }
        };
        var reply = app.bytes(token, "POST", "attachments", HttpRequest.BodyPublishers.ofInputStream(() -> endless),
                Map.of("Content-Disposition", "attachment; filename*=UTF-8''big.pdf"));
        assertProblem(reply, 413, "attachment-too-large");
        assertEquals(before, attachments(app, "dr.rivera"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsRead(WebApp app) throws Exception {
        var token = app.token("dr.rivera");
        var before = attachments(app, "dr.rivera");
        var address = app.address("attachments");
        try (var socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(30_000);
            var request = "POST " + address.getPath() + " HTTP/1.1\r\nHost: " + address.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/pdf\r\n"
                    + "Content-Length: " + (Attachments.DEFAULT_MAX_BYTES + 1) + "\r\n\r\n%PDF-1.4\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // only the first bytes are ever sent: an answer at all shows the length was refused unread
            var status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
        assertEquals(before, attachments(app, "dr.rivera"));
    }

    @Test
    void onlyExactlyThePostOfAnUploadIsExemptFromTheApisBodyLimit(WebApp app) {
        var token = app.token("dr.rivera");
        var before = attachments(app, "dr.rivera");
        // one byte over the API's limit, chunked: the filter reads it all before it refuses, so the refusal never
        // races the client's writing (a declared length is refused unread and the connection closed under it)
        var large = pdf(256 * 1024 + 1);
        for (var path : new String[] {"attachments/", "attachments/x", "attachments?x=1"}) {
            HttpResponse<byte[]> reply;
            try {
                reply = app.bytes(token, "POST", path, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large)),
                        Map.of("Content-Disposition", "attachment; filename*=UTF-8''big.pdf"));
            } catch (RuntimeException e) {
                throw new AssertionError("POST " + path, e);
            }
            if (path.contains("?")) {
                // the same path with a query is the upload itself: exempt, and stored
                assertEquals(201, reply.statusCode(), body(reply));
                before++;
            } else {
                assertProblem(reply, 413, "body-too-large");
            }
        }
        assertEquals(before, attachments(app, "dr.rivera"));
    }

    @Test
    void onlyTheUploaderMayDownloadAFileNotSentYet(WebApp app) {
        var file = json(upload(app, app.token("dr.rivera"), pdf(2000), "plan.pdf")).getString("id");
        var path = "attachments/" + file;
        assertProblem(app.bytes(app.token("dr.chen"), "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of()), 404, "not-found");
        assertProblem(app.bytes(app.token("dr.okafor"), "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of()), 404, "not-found");
        assertProblem(app.bytes(app.token("alex.morgan"), "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of()), 404, "not-found");
        assertProblem(app.bytes(app.token("dr.rivera"), "GET", "attachments/" + UUID.randomUUID(), HttpRequest.BodyPublishers.noBody(), Map.of()), 404, "not-found");
        assertProblem(app.bytes(app.token("dr.rivera"), "GET", "attachments/not-an-id", HttpRequest.BodyPublishers.noBody(), Map.of()), 404, "not-found");
        // an admin may read a sent file under emergency access (AttachmentReadersIT); an unsent one exists for nobody else
        assertProblem(app.bytes(app.token("admin.park"), "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of()), 404, "not-found");
    }

    @Test
    void withoutATokenAnUploadIs401AndLeavesNoRow(WebApp app) {
        var before = app.sql("SELECT count(*) FROM attachment");
        assertProblem(upload(app, null, pdf(2000), "plan.pdf"), 401, "not-authenticated");
        assertEquals(before, app.sql("SELECT count(*) FROM attachment"));
    }

    @Test
    void aFileStillBeingScannedIs409(WebApp app) {
        var token = app.token("dr.rivera");
        var file = json(upload(app, token, pdf(2000), "held.pdf")).getString("id");
        // what a file stays while clamd is out of reach (AttachmentFilesIT shows the scanner's side)
        app.sql("UPDATE attachment SET state = 'scanning' WHERE id = ?::uuid", file);
        assertProblem(app.bytes(token, "GET", "attachments/" + file, HttpRequest.BodyPublishers.noBody(), Map.of()), 409, "attachment-not-scanned");
    }

    @Test
    void aNameThatIsNotPercentEncodedUtf8Is400(WebApp app) {
        var reply = app.bytes(app.token("dr.rivera"), "POST", "attachments", HttpRequest.BodyPublishers.ofByteArray(pdf(2000)),
                Map.of("Content-Disposition", "attachment; filename*=UTF-8''%FF%FE.pdf"));
        assertProblem(reply, 400, "invalid-file-name");
    }

    private static HttpResponse<byte[]> upload(WebApp app, String token, byte[] content, String name) {
        var encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return app.bytes(token, "POST", "attachments", HttpRequest.BodyPublishers.ofByteArray(content),
                Map.of("Content-Type", "application/octet-stream", "Content-Disposition", "attachment; filename*=UTF-8''" + encoded));
    }

    private static void assertProblem(HttpResponse<byte[]> reply, int status, String type) {
        assertEquals(status, reply.statusCode(), body(reply));
        assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        var problem = json(reply);
        assertEquals("urn:care-messaging:problem:" + type, problem.getString("type"));
        assertFalse(body(reply).contains(NAME), "no file name in a problem");
    }

    private static long attachments(WebApp app, String username) {
        return app.sql("SELECT count(*) FROM attachment t JOIN account a ON a.id = t.uploader_id WHERE a.username = ?", username);
    }

    private static long audited(WebApp app, String action) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = ?", action);
    }

    /** Something Tika calls a PDF: its header, then filler of the given length in all. */
    private static byte[] pdf(int length) {
        var bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        var header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, length));
        return bytes;
    }

    private static String body(HttpResponse<byte[]> reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<byte[]> reply) {
        try (var reader = Json.createReader(new StringReader(body(reply)))) {
            return reader.readObject();
        }
    }
}
