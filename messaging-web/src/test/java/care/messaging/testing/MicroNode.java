package care.messaging.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The WAR on a Payara Micro process of its own, started as IT would start it (the post-boot file, the
 * JDBC driver, the failsafe environment's database), for tests that need several nodes or a node that
 * fails to start. Its console goes to a log file in target/.
 */
public final class MicroNode implements AutoCloseable {

    private static final Path TARGET = Path.of(System.getProperty("messaging.it.micro-jar")).getParent();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private MicroNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node on a free port. {@code properties} are JVM -D options; {@code environment} is added to
     * the failsafe environment, and {@code removed} names variables to drop from it.
     */
    public static MicroNode start(String name, List<String> properties, Map<String, String> environment, List<String> removed) {
        return start(name, freePort(), properties, environment, removed);
    }

    /** The same on a port picked beforehand (another process must know the node's address before it starts). */
    public static MicroNode start(String name, int port, List<String> properties, Map<String, String> environment, List<String> removed) {
        return start(name, port, properties, List.of(), environment, removed);
    }

    /** The same with Micro options of the test's own after the usual ones ({@code --logproperties}; {@code --postbootcommandfile} replaces the usual file). */
    public static MicroNode start(String name, int port, List<String> properties, List<String> arguments, Map<String, String> environment,
                                  List<String> removed) {
        try {
            var log = TARGET.resolve("micro-" + name + "-" + port + ".log");
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + TARGET));
            command.addAll(properties);
            command.addAll(List.of("-jar", System.getProperty("messaging.it.micro-jar"), "--nohazelcast",
                    "--port", String.valueOf(port),
                    "--addlibs", System.getProperty("messaging.it.jdbc-driver"),
                    "--postbootcommandfile", arguments.contains("--postbootcommandfile") ? arguments.get(arguments.indexOf("--postbootcommandfile") + 1)
                            : System.getProperty("messaging.it.post-boot"),
                    "--deploy", TARGET.resolve("messaging.war").toString(), "--contextroot", "messaging"));
            for (var i = 0; i < arguments.size(); i++) { // a post-boot file of the test's own replaces the usual one
                if (arguments.get(i).equals("--postbootcommandfile")) {
                    i++;
                } else {
                    command.add(arguments.get(i));
                }
            }
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            removed.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            return new MicroNode(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until Micro has finished deploying (or exited), whatever the outcome; answers the log so far. */
    public String awaitStarted(Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            var text = log();
            if (text.contains("Payara Micro URLs") || text.contains("ready in")) {
                break;
            }
            Thread.sleep(250);
        }
        return log();
    }

    /** Waits until /health/ready answers UP. */
    public void awaitReady(Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Micro exited:\n" + log());
            }
            if (status("/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        // A node that never got ready is nobody's to stop later: stop it here, so a failed run leaves no process.
        process.destroyForcibly();
        throw new IllegalStateException("Micro is not ready after " + within + ":\n" + log());
    }

    /** The status of a GET, or -1 when nothing answers on the port. */
    public int status(String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    /** A JSON call to this node; token and body may be null. An unreachable node is an IOException. */
    public HttpResponse<String> call(String token, String method, String path, String body, Duration timeout) throws IOException {
        return call(token, method, path, body, "application/json", timeout);
    }

    /** A call with a body of the given media type (e.g. text/csv). */
    public HttpResponse<String> call(String token, String method, String path, String body, String mediaType, Duration timeout)
            throws IOException {
        var request = HttpRequest.newBuilder(url(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", mediaType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A dev-login token for a demo user (the node runs with messaging.dev.login=true). */
    public String login(String username) throws IOException {
        var reply = call(null, "POST", "/messaging/api/dev/login", "{\"username\":\"" + username + "\"}", Duration.ofSeconds(30));
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("dev login of " + username + ": HTTP " + reply.statusCode() + " " + reply.body());
        }
        return json(reply).getString("token");
    }

    public static JsonObject json(HttpResponse<String> reply) {
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }

    /** The client these calls use, for WebSockets to the nodes. */
    public static HttpClient http() {
        return HTTP;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: no shutdown hooks, no undeploy, connections dropped as they are. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
