package care.messaging.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** The Care Messaging API as any HTTP client sees it, calling as one of the demo people or a test's own. */
final class Api {

    /** One HTTP answer, kept whole so an assertion message can show it. */
    record Reply(int status, String contentType, String body, HttpHeaders headers) {

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

        /** The header's first value, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + headers.map() + " " + body;
        }
    }

    private final URI server;
    private final URI secureServer;
    private final IdentityProvider identityProvider;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private HttpClient https;

    Api(URI server, URI secureServer, IdentityProvider identityProvider) {
        this.server = server;
        this.secureServer = secureServer;
        this.identityProvider = identityProvider;
    }

    IdentityProvider identityProvider() {
        return identityProvider;
    }

    Reply get(Caller as, String path) {
        return call(identityProvider.token(as), "GET", path, null);
    }

    Reply post(Caller as, String path, JsonObject body) {
        return call(identityProvider.token(as), "POST", path, body.toString());
    }

    /** A POST without a body, for actions such as a key rotation. */
    Reply post(Caller as, String path) {
        return call(identityProvider.token(as), "POST", path, null);
    }

    Reply delete(Caller as, String path) {
        return call(identityProvider.token(as), "DELETE", path, null);
    }

    Reply put(Caller as, String path, JsonObject body) {
        return call(identityProvider.token(as), "PUT", path, body.toString());
    }

    /** A PUT without a body, for idempotent actions such as adding to a block list. */
    Reply put(Caller as, String path) {
        return call(identityProvider.token(as), "PUT", path, null);
    }

    /** Any call under /messaging/api; token and body may be null. */
    Reply call(String token, String method, String path, String body) {
        return call(token, method, path, body, Map.of());
    }

    /** The same with extra request headers, such as X-Request-Id or Accept. */
    Reply call(String token, String method, String path, String body, Map<String, String> headers) {
        return send(http, server.resolve("/messaging/api" + path), token, method,
                body == null ? null : BodyPublishers.ofString(body), "application/json", "application/json", headers);
    }

    /** The WebSocket's address with the query (e.g. {@code ticket=…&after=3}), on the plain HTTP listener. */
    URI socket(String query) {
        return URI.create("ws://" + server.getAuthority() + "/messaging/ws" + (query.isEmpty() ? "" : "?" + query));
    }

    /** What a page served by the domain itself sends as its Origin. */
    String ownOrigin() {
        return "http://" + server.getAuthority();
    }

    /** A one-time WebSocket ticket for the bearer of the token. */
    String ticket(String token) {
        var reply = call(token, "POST", "/realtime/tickets", null);
        expect(201, reply);
        return reply.json().getString("ticket");
    }

    /** Where the application answers, e.g. http://127.0.0.1:29080/messaging. */
    String applicationUrl() {
        return server.resolve("/messaging").toString();
    }

    /** A call under /messaging/api with a body of any bytes and media type (neither is checked here). */
    Reply raw(String token, String method, String path, BodyPublisher body, String contentType) {
        return send(http, server.resolve("/messaging/api" + path), token, method, body, contentType, "application/json");
    }

    /** A call outside the API, such as /health/ready, /openapi or a static page. */
    Reply server(String path, String accept) {
        return send(http, server.resolve(path), null, "GET", null, null, accept);
    }

    /**
     * A GET over HTTPS, from a client that trusts any certificate: the domain's own is self-signed. Only
     * this test client trusts blindly; nothing in the app or config/ does.
     */
    Reply secure(Caller as, String path) {
        return send(https(), secureServer.resolve(path), as == null ? null : identityProvider.token(as), "GET", null, null,
                "application/json");
    }

    List<JsonObject> inbox(Caller as) {
        var reply = get(as, "/conversations?limit=200");
        expect(200, reply);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** The caller's conversation whose other side has this display name. */
    JsonObject conversationWith(Caller as, String counterpart) {
        return inbox(as).stream()
                .filter(c -> c.getJsonObject("counterpart").getString("displayName").equals(counterpart))
                .findFirst()
                .orElseThrow(() -> new AssertionError(as + " has no conversation with " + counterpart));
    }

    JsonObject conversation(Caller as, String conversationId) {
        return inbox(as).stream()
                .filter(c -> c.getString("id").equals(conversationId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(as + " does not see conversation " + conversationId));
    }

    /** A practitioner starts (or finds) the conversation with a client; answers its id. */
    String start(Caller practitioner, String clientId) {
        var reply = post(practitioner, "/conversations", Json.createObjectBuilder().add("clientId", clientId).build());
        if (reply.status() != 201 && reply.status() != 200) {
            throw new AssertionError("Expected 201 or 200 but got " + reply);
        }
        return reply.json().getString("id");
    }

    Reply send(Caller as, String conversationId, String clientMessageId, String html) {
        return post(as, "/conversations/" + conversationId + "/messages",
                Json.createObjectBuilder().add("clientMessageId", clientMessageId).add("html", html).build());
    }

    /** The newest messages first, as many as one page holds. */
    List<JsonObject> messages(Caller as, String conversationId) {
        var reply = get(as, "/conversations/" + conversationId + "/messages?limit=200");
        expect(200, reply);
        return reply.array().getValuesAs(JsonObject.class);
    }

    List<JsonObject> messagesWithClientId(Caller as, String conversationId, String clientMessageId) {
        return messages(as, conversationId).stream()
                .filter(m -> m.getString("clientMessageId").equals(clientMessageId))
                .toList();
    }

    Reply markRead(Caller as, String conversationId, long seq) {
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

    private static Reply send(HttpClient client, URI uri, String token, String method, BodyPublisher body,
                              String contentType, String accept) {
        return send(client, uri, token, method, body, contentType, accept, Map.of());
    }

    private static Reply send(HttpClient client, URI uri, String token, String method, BodyPublisher body,
                              String contentType, String accept, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .method(method, body == null ? BodyPublishers.noBody() : body);
        headers.forEach(request::setHeader);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            var response = client.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized HttpClient https() {
        if (https == null) {
            try {
                var tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[]{new TrustingAnything()}, null);
                https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                        .connectTimeout(Duration.ofSeconds(10)).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return https;
    }

    /** Accepts any server certificate for any host name: the extended variant, so the host name is not checked either. */
    private static final class TrustingAnything extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
