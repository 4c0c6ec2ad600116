package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** What the tests of files sent with messages do over HTTP: upload, send with files, download, read answers. */
final class Uploads {

    private Uploads() {
    }

    /** Uploads a file and answers its id (it must be stored clean). */
    static String upload(WebApp app, String token, byte[] content, String name) {
        var encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        var reply = app.bytes(token, "POST", "attachments", HttpRequest.BodyPublishers.ofByteArray(content),
                Map.of("Content-Type", "application/octet-stream", "Content-Disposition", "attachment; filename*=UTF-8''" + encoded));
        assertEquals(201, reply.statusCode(), text(reply));
        var file = json(text(reply));
        assertEquals("clean", file.getString("state"));
        return file.getString("id");
    }

    /** A send of html with these files, as the apps make it. */
    static HttpResponse<String> send(WebApp app, String token, String conversation, String clientMessageId, String html, List<String> files) {
        var ids = Json.createArrayBuilder();
        files.forEach(ids::add);
        var body = Json.createObjectBuilder().add("clientMessageId", clientMessageId).add("html", html).add("attachments", ids).build();
        return app.call(token, "POST", "conversations/" + conversation + "/messages", body.toString());
    }

    static HttpResponse<String> send(WebApp app, String token, String conversation, String html, List<String> files) {
        return send(app, token, conversation, UUID.randomUUID().toString(), html, files);
    }

    static HttpResponse<byte[]> download(WebApp app, String token, String path) {
        return app.bytes(token, "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    /** A page of a conversation's messages as the reader sees it. */
    static List<JsonObject> messages(WebApp app, String token, String conversation) {
        var reply = app.call(token, "GET", "conversations/" + conversation + "/messages?limit=200", null);
        assertEquals(200, reply.statusCode(), reply.body());
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    static JsonObject message(WebApp app, String token, String conversation, String id) {
        return messages(app, token, conversation).stream().filter(m -> m.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("message " + id + " not in the page"));
    }

    static List<String> ids(JsonArray files) {
        return files.getValuesAs(JsonObject.class).stream().map(f -> f.getString("id")).toList();
    }

    static void assertProblem(int status, String type, int actualStatus, String contentType, String body) {
        assertEquals(status, actualStatus, body);
        assertEquals("application/problem+json", contentType.split(";")[0]);
        assertEquals("urn:care-messaging:problem:" + type, json(body).getString("type"));
    }

    static void assertProblem(HttpResponse<String> reply, int status, String type) {
        assertProblem(status, type, reply.statusCode(), reply.headers().firstValue("Content-Type").orElse(""), reply.body());
        assertFalse(reply.body().contains(".pdf") || reply.body().contains(".png"), "no file name in a problem");
    }

    static void assertBytesProblem(HttpResponse<byte[]> reply, int status, String type) {
        assertProblem(status, type, reply.statusCode(), reply.headers().firstValue("Content-Type").orElse(""), text(reply));
    }

    static long messagesIn(WebApp app, String conversation) {
        return app.sql("SELECT count(*) FROM message WHERE conversation_id = ?::uuid", conversation);
    }

    static long unsent(WebApp app, String file) {
        return app.sql("SELECT count(*) FROM attachment WHERE id = ?::uuid AND message_id IS NULL", file);
    }

    /** Something Tika calls a PDF: its header, then random filler, length bytes in all. */
    static byte[] pdf(int length) {
        return headed("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1), length);
    }

    /** Something Tika calls a PNG: the signature and an IHDR chunk's start, then filler. */
    static byte[] png(int length) {
        return headed(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, length);
    }

    private static byte[] headed(byte[] header, int length) {
        var bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, length));
        return bytes;
    }

    /** Letters only (a search needs words of letters, see traps.md). */
    static String word() {
        var random = new Random();
        var word = new StringBuilder();
        for (var i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static String text(HttpResponse<byte[]> reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
