package care.messaging.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * A real Keycloak (the Maven Central distribution the build unpacks into target/), started with
 * {@code kc.sh start-dev} on a free port and the project's test realm imported into a fresh data
 * directory, so every start knows only what the realm file says. The realm's redirect URIs name the app's
 * origin through the {@code CARE_APP_ORIGIN} placeholder, which is why the app's port is picked first.
 * Keycloak 26 needs Java 21 or later; the JVM running the tests may be older, so one is looked for.
 * Where things are comes from system properties the test suite's failsafe sets: {@code messaging.it.keycloak-home}
 * (the unpacked distribution; its log goes beside it), {@code messaging.it.keycloak-realm} (the realm file, or several
 * separated by commas: every one is imported into the same Keycloak, whose first names {@link #REALM}) and
 * optionally {@code messaging.it.keycloak-java-home}.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "care";
    /** Every user of the test realm has this password (care-realm.json). */
    public static final String PASSWORD = "care-demo-password";
    // HTTP/1.1: on plain http the JDK client's HTTP/2 upgrade request is of no use (docs/traps.md).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final String adminPassword;

    private Keycloak(Process process, int port, Path log, String adminPassword) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /** Starts Keycloak on a free port for an app served at {@code appOrigin} (scheme://host:port). */
    public static Keycloak start(String appOrigin) {
        try {
            var home = Path.of(System.getProperty("messaging.it.keycloak-home"));
            var data = home.resolve("data");
            deleteTree(data);
            Files.createDirectories(data.resolve("import"));
            for (var realm : System.getProperty("messaging.it.keycloak-realm").split(",")) {
                var file = Path.of(realm.strip());
                Files.copy(file, data.resolve("import").resolve(file.getFileName()));
            }
            var port = freePort();
            var log = home.getParent().resolve("keycloak-" + port + ".log");
            var adminPassword = UUID.randomUUID().toString();
            var builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(java.util.Map.of("JAVA_HOME", javaHome().toString(),
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                    "CARE_APP_ORIGIN", appOrigin,
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
            return new Keycloak(builder.start(), port, log, adminPassword);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDK of release 21 or later: messaging.it.keycloak-java-home, JAVA_HOME, or the newest under /usr/lib/jvm. */
    static Path javaHome() throws IOException {
        var named = Optional.ofNullable(System.getProperty("messaging.it.keycloak-java-home")).filter(s -> !s.isBlank());
        if (named.isPresent()) {
            return Path.of(named.get());
        }
        var candidates = new java.util.ArrayList<Path>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        try (var jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.sorted(Comparator.comparingInt(Keycloak::release).reversed()).forEach(candidates::add);
        } catch (IOException noJvmDirectory) {
            // only JAVA_HOME then
        }
        return candidates.stream().filter(home -> release(home) >= 21 && Files.isExecutable(home.resolve("bin/java"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21 or later: none under JAVA_HOME or /usr/lib/jvm "
                        + "(set -Dmessaging.it.keycloak-java-home=…)"));
    }

    static int release(Path home) {
        try (var lines = Files.lines(home.resolve("release"))) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                    .map(l -> Integer.parseInt(l.replaceAll("JAVA_VERSION=\"?(\\d+).*", "$1"))).orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Waits until the realm's discovery document is served. */
    public void awaitReady(Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited:\n" + log());
            }
            if (status(issuer() + "/.well-known/openid-configuration") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak is not ready after " + within + ":\n" + log());
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return issuer(REALM);
    }

    /** The issuer of another realm imported into this Keycloak (messaging.it.keycloak-realm names its file). */
    public String issuer(String realm) {
        return base() + "/realms/" + realm;
    }

    /**
     * The user events the realm recorded of this type (its {@code eventsEnabled}), newest first, as Keycloak's
     * admin API lists them: type, clientId, error, details, never a token or a code.
     */
    public List<JsonObject> events(String type) throws IOException, InterruptedException {
        var reply = send(adminToken(), "GET", "/admin/realms/" + REALM + "/events?type=" + type + "&max=100", null);
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    public String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /**
     * Rotates the realm's signing key as an incident would: a new RS256 key signs from now on, and the old
     * one is deleted, so the realm no longer publishes it. Answers the kid of the new key.
     */
    public String rotateSigningKey() throws IOException, InterruptedException {
        var admin = adminToken();
        var realmId = admin(admin, "GET", "/admin/realms/" + REALM, null).getString("id");
        var before = components(admin).stream().filter(c -> c.getString("providerId").equals("rsa-generated")).toList();
        var created = Json.createObjectBuilder().add("name", "rotated-" + System.nanoTime()).add("providerId", "rsa-generated")
                .add("providerType", "org.keycloak.keys.KeyProvider").add("parentId", realmId)
                .add("config", Json.createObjectBuilder().add("priority", Json.createArrayBuilder().add("1000"))
                        .add("algorithm", Json.createArrayBuilder().add("RS256")))
                .build();
        admin(admin, "POST", "/admin/realms/" + REALM + "/components", created.toString());
        for (var old : before) {
            admin(admin, "DELETE", "/admin/realms/" + REALM + "/components/" + old.getString("id"), null);
        }
        return signingKids().get(0);
    }

    /**
     * After {@link #rotateSigningKey()}: repeats the call (a request with a token of the new kid) once a second
     * until the app answers 200, which it does once it has fetched the realm's keys again; answers the statuses
     * seen, and fails if the app still refuses after {@code within}.
     */
    public static List<Integer> untilAccepted(IntSupplier statusOfACall, Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        var statuses = new java.util.ArrayList<Integer>();
        while (statuses.isEmpty() || statuses.get(statuses.size() - 1) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a token with the new kid is still refused after " + within + ": " + statuses);
            }
            if (!statuses.isEmpty()) {
                Thread.sleep(1000);
            }
            statuses.add(statusOfACall.getAsInt());
        }
        return statuses;
    }

    /** The kids of the RS256 signing keys the realm publishes. */
    public List<String> signingKids() throws IOException, InterruptedException {
        var keys = json(HTTP.send(HttpRequest.newBuilder(URI.create(jwks())).build(), HttpResponse.BodyHandlers.ofString()).body());
        return keys.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> "sig".equals(k.getString("use", "")) && "RS256".equals(k.getString("alg", "")))
                .map(k -> k.getString("kid")).toList();
    }

    /** The realm's registration of this client, as its admin API shows it (redirectUris, webOrigins, attributes). */
    public JsonObject client(String clientId) throws IOException, InterruptedException {
        var reply = send(adminToken(), "GET", "/admin/realms/" + REALM + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null);
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            var found = reader.readArray().getValuesAs(JsonObject.class);
            if (found.size() != 1) {
                throw new IllegalStateException("the realm has " + found.size() + " clients named " + clientId);
            }
            return found.get(0);
        }
    }

    List<JsonObject> components(String admin) throws IOException, InterruptedException {
        var reply = send(admin, "GET", "/admin/realms/" + REALM + "/components?type=org.keycloak.keys.KeyProvider", null);
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    String adminToken() throws IOException, InterruptedException {
        var form = "grant_type=password&client_id=admin-cli&username=admin&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        var reply = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json(reply.body()).getString("access_token");
    }

    JsonObject admin(String token, String method, String path, String body) throws IOException, InterruptedException {
        var reply = send(token, method, path, body);
        return reply.body().isBlank() ? JsonObject.EMPTY_JSON_OBJECT : json(reply.body());
    }

    HttpResponse<String> send(String token, String method, String path, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        var reply = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + reply.statusCode() + " " + reply.body());
        }
        return reply;
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    int status(String url) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process this class started (kc.sh hands the TERM on to its JVM), and any child it left. */
    @Override
    public void close() throws InterruptedException {
        var children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
