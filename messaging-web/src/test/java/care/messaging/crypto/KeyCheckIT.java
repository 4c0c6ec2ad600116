package care.messaging.crypto;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Production mode refuses to start without usable keys and says in one log line what is missing: the
 * application is started on Payara Micro, as IT would, with the keystore setting left out or wrong.
 */
class KeyCheckIT {

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

    record Started(String log, boolean serving) {

        /** Log records (not the stack-trace lines of the failed deployment that repeat it) that carry the text. */
        long linesWith(String text) {
            return log.lines().filter(l -> l.contains(text) && l.contains("SEVERE")).count();
        }
    }

    Started start(List<String> properties) throws IOException, InterruptedException {
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
