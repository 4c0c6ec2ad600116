package care.messaging.bench.realtime;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The parts of the REST API the benchmark uses, over the JDK's HttpClient on loopback (HTTP/1.1, kept-alive
 * connections). Nothing here retries: every answer other than the expected one is reported as it came.
 */
final class Api {

    /** One send: the status, the new message's id on 201, and when the request started and its answer came. */
    record Sent(int status, UUID messageId, long startNanos, long endNanos, Throwable failure) {
        boolean created() {
            return status == 201 && messageId != null;
        }
    }

    /** One page of GET /api/events. */
    record EventPage(List<JsonObject> events, long cursor, boolean resync) {
    }

    final HttpClient http;
    final URI base;

    /** @param base the application, e.g. http://127.0.0.1:8080/messaging/ */
    Api(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    String login(String username) throws IOException, InterruptedException {
        var response = http.send(post("api/dev/login", null, Json.createObjectBuilder().add("username", username).build()),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("dev login of " + username + " answered " + response.statusCode() + " (is messaging.dev.login=true?)");
        }
        return parse(response.body()).getString("token");
    }

    CompletableFuture<String> loginAsync(String username) {
        return http.sendAsync(post("api/dev/login", null, Json.createObjectBuilder().add("username", username).build()),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("dev login of " + username + " answered " + response.statusCode());
                    }
                    return parse(response.body()).getString("token");
                });
    }

    /** Sends one message; never fails: a refused or broken request is a Sent with its status (0 if none). */
    CompletableFuture<Sent> send(String token, UUID conversation, String html) {
        var body = Json.createObjectBuilder()
                .add("clientMessageId", UUID.randomUUID().toString())
                .add("html", html)
                .build();
        var request = post("api/conversations/" + conversation + "/messages", token, body);
        var start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    var end = System.nanoTime();
                    if (failure != null) {
                        return new Sent(0, null, start, end, failure);
                    }
                    UUID id = null;
                    if (response.statusCode() == 201) {
                        id = UUID.fromString(parse(response.body()).getString("id"));
                    }
                    return new Sent(response.statusCode(), id, start, end, null);
                });
    }

    Sent sendNow(String token, UUID conversation, String html) {
        return send(token, conversation, html).join();
    }

    /** GET /api/me: the cheapest authenticated request (token, one account query, a small JSON answer); its status. */
    int me(String token) {
        var request = HttpRequest.newBuilder(base.resolve("api/me"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** GET /api/events?after=&wait=: the caller's events after the cursor, held up to wait seconds when there are none. */
    EventPage events(String token, long after, int waitSeconds) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve("api/events?after=" + after + "&wait=" + waitSeconds))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(waitSeconds + 15L))
                .GET().build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/events answered " + response.statusCode());
        }
        return page(parse(response.body()));
    }

    /** A page of events: the same shape in GET /api/events and in a WebSocket frame. */
    static EventPage page(JsonObject json) {
        return new EventPage(json.getJsonArray("events").getValuesAs(JsonObject.class),
                json.getJsonNumber("cursor").longValue(), json.getBoolean("resync", false));
    }

    HttpRequest post(String path, String token, JsonObject body) {
        var builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
