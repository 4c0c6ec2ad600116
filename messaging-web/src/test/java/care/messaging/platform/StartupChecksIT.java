package care.messaging.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The application refuses to start, and says in one log line why, when it could not keep its promises:
 * without usable keys, or (where the schema owner migrates) with migrations pending. It is started on
 * Payara Micro as IT would start it, with the setting left out or wrong.
 */
class StartupChecksIT {

    static final String LINE = "Care Messaging cannot start: ";
    final Path target = Path.of(System.getProperty("messaging.it.micro-jar")).getParent();

    @Test
    void withoutAKeystoreTheApplicationDoesNotStartAndSaysWhy() throws Exception {
        var started = start(List.of());
        assertEquals(1, started.linesWith(LINE + "messaging.keys.keystore is not set"), started.log);
        assertFalse(started.serving, "the application must not serve requests");
    }

    @Test
    void withTheWrongPasswordTheApplicationDoesNotStartAndSaysWhy() throws Exception {
        var keystore = Path.of(System.getProperty("messaging.it.keystore"));
        var started = start(List.of("-Dmessaging.keys.keystore=" + keystore, "-Dmessaging.keys.password=not-the-password"));
        assertEquals(1, started.linesWith(LINE + "the keystore " + keystore + " cannot be opened (wrong password)"), started.log);
        assertFalse(started.serving, "the application must not serve requests");
    }

    @Test
    void whenTheOwnerMigratesAPendingMigrationStopsTheStart() throws Exception {
        var empty = System.getenv("DB_NAME") + "_unmigrated";
        database("CREATE DATABASE " + empty);
        try {
            var keystore = Path.of(System.getProperty("messaging.it.keystore"));
            var started = start(List.of("-Dmessaging.keys.keystore=" + keystore, "-Dmessaging.schema.migrate=false"),
                    Map.of("DB_NAME", empty, "MESSAGING_KEYS_PASSWORD", System.getenv("MESSAGING_KEYS_PASSWORD")));
            assertEquals(1, started.linesWith(LINE + "the database schema is empty and migrations"), started.log);
            assertTrue(started.log.contains("run config/database/migrate.sh as the schema owner"), started.log);
            assertFalse(started.serving, "the application must not serve requests");
            assertEquals(0L, count(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "nothing was created");
        } finally {
            database("DROP DATABASE IF EXISTS " + empty + " WITH (FORCE)");
        }
    }

    static void database(String sql) throws SQLException {
        try (var c = connect("postgres"); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(String database, String sql) throws SQLException {
        try (var c = connect(database); var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + System.getenv("DB_HOST") + ":" + System.getenv("DB_PORT") + "/" + database,
                System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    record Started(String log, boolean serving) {

        /** Log records (not the stack-trace lines of the failed deployment that repeat it) that carry the text. */
        long linesWith(String text) {
            return log.lines().filter(l -> l.contains(text) && l.contains("SEVERE")).count();
        }
    }

    Started start(List<String> properties) throws IOException, InterruptedException {
        return start(properties, Map.of());
    }

    Started start(List<String> properties, Map<String, String> environment) throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var log = Files.createTempFile(target, "keycheck", ".log");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + target));
        command.addAll(properties);
        command.addAll(List.of("-jar", System.getProperty("messaging.it.micro-jar"), "--nohazelcast", "--port", String.valueOf(port),
                "--addlibs", System.getProperty("messaging.it.jdbc-driver"),
                "--postbootcommandfile", System.getProperty("messaging.it.post-boot"),
                "--deploy", target.resolve("messaging.war").toString(), "--contextroot", "messaging"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("MESSAGING_KEYS_PASSWORD");
        builder.environment().putAll(environment);
        var process = builder.start();
        try {
            var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline && process.isAlive() && !Files.readString(log).contains("Payara Micro URLs")
                    && !Files.readString(log).contains("ready in")) {
                Thread.sleep(250);
            }
            var text = Files.readString(log);
            assertTrue(text.contains(LINE), "Micro started without the key check failing:\n" + text);
            return new Started(text, serving(port));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    static boolean serving(int port) throws InterruptedException {
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/messaging/api/openapi")).build(),
                    HttpResponse.BodyHandlers.discarding());
            var me = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/messaging/api/me")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() != 404 || me.statusCode() != 404;
        } catch (IOException notListening) {
            return false;
        }
    }
}
