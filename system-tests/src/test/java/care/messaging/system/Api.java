package care.messaging.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Care Messaging API as any HTTP client sees it, calling as one of the demo people. */
final class Api {

    /** One HTTP answer, kept whole so an assertion message can show it. */
    record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        /** The media type without its parameters (a charset may follow). */
        String mediaType() {
            return contentType.split(";")[0].strip();
        }
    }

    private final URI server;
    private final IdentityProvider identityProvider;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Api(URI server, IdentityProvider identityProvider) {
        this.server = server;
        this.identityProvider = identityProvider;
    }

    IdentityProvider identityProvider() {
        return identityProvider;
    }

    /** Where the application answers, e.g. http://127.0.0.1:29080/messaging. */
    String applicationUrl() {
        return server.resolve("/messaging").toString();
    }

    Reply get(DemoPeople as, String path) {
        return call(identityProvider.token(as), "GET", path, null);
    }

    Reply post(DemoPeople as, String path, JsonObject body) {
        return call(identityProvider.token(as), "POST", path, body.toString());
    }

    /** Any call under /messaging/api; token and body may be null. */
    Reply call(String token, String method, String path, String body) {
        return call(token, method, path, body, Map.of());
    }

    /** The same with extra request headers, such as X-Request-Id or Accept. */
    Reply call(String token, String method, String path, String body, Map<String, String> headers) {
        return send(server.resolve("/messaging/api" + path), token, method, body, "application/json", headers);
    }

    /** A call outside the API, such as /health/ready or /openapi. */
    Reply server(String path, String accept) {
        return send(server.resolve(path), null, "GET", null, accept, Map.of());
    }

    List<JsonObject> inbox(DemoPeople as) {
        var reply = get(as, "/conversations?limit=200");
        expect(200, reply);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** The caller's conversation whose other side has this display name. */
    JsonObject conversationWith(DemoPeople as, String counterpart) {
        return inbox(as).stream()
                .filter(c -> c.getJsonObject("counterpart").getString("displayName").equals(counterpart))
                .findFirst()
                .orElseThrow(() -> new AssertionError(as + " has no conversation with " + counterpart));
    }

    JsonObject conversation(DemoPeople as, String conversationId) {
        return inbox(as).stream()
                .filter(c -> c.getString("id").equals(conversationId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(as + " does not see conversation " + conversationId));
    }

    Reply send(DemoPeople as, String conversationId, String clientMessageId, String html) {
        return post(as, "/conversations/" + conversationId + "/messages",
                Json.createObjectBuilder().add("clientMessageId", clientMessageId).add("html", html).build());
    }

    /** The newest messages first, as many as one page holds. */
    List<JsonObject> messages(DemoPeople as, String conversationId) {
        var reply = get(as, "/conversations/" + conversationId + "/messages?limit=200");
        expect(200, reply);
        return reply.array().getValuesAs(JsonObject.class);
    }

    List<JsonObject> messagesWithClientId(DemoPeople as, String conversationId, String clientMessageId) {
        return messages(as, conversationId).stream()
                .filter(m -> m.getString("clientMessageId").equals(clientMessageId))
                .toList();
    }

    Reply markRead(DemoPeople as, String conversationId, long seq) {
        return post(as, "/conversations/" + conversationId + "/read", Json.createObjectBuilder().add("seq", seq).build());
    }

    static long lastSeq(JsonObject conversation) {
        return conversation.getJsonNumber("lastSeq").longValue();
    }

    static boolean isNull(JsonObject object, String name) {
        return object.get(name) == null || object.get(name).getValueType() == JsonValue.ValueType.NULL;
    }

    private static void expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + reply);
        }
    }

    private Reply send(URI uri, String token, String method, String body, String accept, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
