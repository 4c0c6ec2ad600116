package care.messaging.system;

import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API request bodies are bounded and clean before anything parses them: over 256 KB is 413, bytes that
 * are not UTF-8 or hold a NUL are 400, a body that is not JSON is 415; each refusal changes nothing. Bodies
 * that pass arrive intact (the body is read once and replayed to JAX-RS: a broken replay showed on Payara
 * Server only, so these run against the EAR there), and unknown JSON fields are ignored, never echoed.
 */
@ExtendWith(PayaraServer.class)
class RequestLimitsIT {

    static final int LIMIT = 256 * 1024;

    final Api api;
    final SeededPeople people;
    SeededThread thread;
    String token;

    RequestLimitsIT(Api api, SeededPeople people) {
        this.api = api;
        this.people = people;
    }

    @BeforeEach
    void aThreadWithOneMessage() {
        thread = SeededThread.start(api, people, "Dr. Robin Vale", "Kai Marsh");
        token = api.identityProvider().token(thread.portal());
        assertEquals(201, api.send(thread.practitioner(), thread.id(), UUID.randomUUID().toString(), "<p>Welcome</p>").status());
    }

    @Test
    void bodyOverTheLimitWithItsLengthDeclaredIsRefused() {
        assertRefused(413, "body-too-large", () -> post(BodyPublishers.ofByteArray(sendOfExactly(LIMIT + 1))));
    }

    @Test
    void bodyOverTheLimitSentInChunksIsRefused() {
        var bytes = sendOfExactly(4 * LIMIT);
        assertRefused(413, "body-too-large", () -> post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    @Test
    void bodyOfExactlyTheLimitIsReadAndJudgedOnItsContent() {
        assertRefused(400, "message-too-long", () -> post(BodyPublishers.ofByteArray(sendOfExactly(LIMIT))));
    }

    @Test
    void bodyThatIsNotUtf8IsRefused() {
        var bytes = concat(utf8("{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"html\":\"<p>caf"),
                new byte[]{(byte) 0xE9}, utf8("</p>\"}"));
        assertRefused(400, "invalid-encoding", () -> post(BodyPublishers.ofByteArray(bytes)));
    }

    @Test
    void bodyWithARawNulIsRefused() {
        assertRefused(400, "nul-character", () -> post(BodyPublishers.ofByteArray(send("<p>a\0b</p>"))));
    }

    @Test
    void bodyWithAnEscapedNulIsRefused() {
        assertRefused(400, "nul-character", () -> post(BodyPublishers.ofByteArray(send("<p>a\\u0000b</p>"))));
    }

    @Test
    void theTextOfAnEscapeAfterAnEscapedBackslashIsNoNul() {
        var reply = post(BodyPublishers.ofByteArray(send("<p>a\\\\u0000b</p>")));

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("<p>a\\u0000b</p>", reply.json().getString("html"));
    }

    @Test
    void nonAsciiTextArrivesIntactAndIsStoredAsSent() {
        var text = "Grüße, ¿qué tal? 你好 😀";

        var reply = post(BodyPublishers.ofByteArray(send("<p>" + text + "</p>")));

        assertEquals(201, reply.status(), reply::toString);
        // The sanitizer may write a character as an entity (it does for the emoji): compare the text read.
        assertEquals(text, Jsoup.parse(reply.json().getString("html")).text());
        assertEquals(text, Jsoup.parse(api.messages(thread.portal(), thread.id()).get(0).getString("html")).text());
    }

    @Test
    void unknownFieldsAreIgnoredAndNotEchoed() {
        var body = Json.createObjectBuilder()
                .add("clientMessageId", UUID.randomUUID().toString())
                .add("html", "<p>Hello</p>")
                .add("priority", "urgent-unknown-field")
                .build().toString();

        var reply = api.call(token, "POST", thread.messagesPath(), body);

        assertEquals(201, reply.status(), reply::toString);
        assertFalse(reply.json().containsKey("priority"), reply::toString);
        assertFalse(reply.body().contains("urgent-unknown-field"), reply::toString);
    }

    @Test
    void bodyThatIsNotJsonIsRefusedAsUnsupported() {
        var body = BodyPublishers.ofByteArray(send("<p>Hello</p>"));
        assertRefused(415, "unsupported-media-type", () -> api.raw(token, "POST", thread.messagesPath(), body, "text/plain"));
    }

    private Api.Reply post(BodyPublisher body) {
        return api.raw(token, "POST", thread.messagesPath(), body, "application/json");
    }

    /** Refused with this status and type, and the conversation is as it was. */
    private void assertRefused(int status, String type, Supplier<Api.Reply> request) {
        var before = api.messages(thread.practitioner(), thread.id());

        var reply = request.get();

        assertProblem(status, type, reply);
        assertEquals(before, api.messages(thread.practitioner(), thread.id()), "nothing was added");
        assertEquals(before.size(), Api.lastSeq(api.conversation(thread.practitioner(), thread.id())));
    }

    static byte[] send(String html) {
        return utf8("{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"html\":\"" + html + "\"}");
    }

    /** A well-formed send whose body is exactly this many bytes, its html padded with plain text. */
    static byte[] sendOfExactly(int bytes) {
        var empty = send("<p></p>").length;
        return send("<p>" + "a".repeat(bytes - empty) + "</p>");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
