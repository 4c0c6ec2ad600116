package care.messaging.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo people and threads the system tests share, seeded the way the embedded default seeds them:
 * the standalone WAR (the only artifact with the demo data; the EAR has none) runs once on Payara Micro
 * against the test's database, as the runtime role and with the run's keystore, until it is ready, and
 * is stopped. The EAR then finds the practices, people and sealed messages already there.
 */
final class DemoSeed {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private DemoSeed() {
    }

    static void run(Path workDir, TestDatabase database, Path keystore, String keystorePassword, String publicKeyLocation) {
        var micro = Path.of(Deployment.property("payara.micro.jar", "target/payara-micro.jar")).toAbsolutePath();
        var war = Path.of(Deployment.property("messaging.war", "target/messaging.war")).toAbsolutePath();
        var postBoot = Path.of(Deployment.property("config.dir", "../config"), "payara-micro/post-boot.asadmin").toAbsolutePath();
        var driver = Path.of(Deployment.property("postgresql.jar", "target/postgresql.jar")).toAbsolutePath();
        var log = workDir.resolve("demo-seed-micro.log").toAbsolutePath();
        var port = freePort();
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Djava.io.tmpdir=" + workDir.toAbsolutePath(),
                "-Dmessaging.demo.data=true", "-Dmessaging.schema.migrate=false",
                "-Dmessaging.keys.keystore=" + keystore,
                "-Dmp.jwt.verify.publickey.location=" + publicKeyLocation,
                "-jar", micro.toString(), "--nohazelcast", "--port", String.valueOf(port), "--contextroot", "messaging",
                "--addlibs", driver.toString(), "--postbootcommandfile", postBoot.toString(), "--deploy", war.toString());
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("DB_HOST", database.host, "DB_PORT", String.valueOf(database.port),
                "DB_NAME", database.name, "DB_USER", database.app, "DB_PASSWORD", database.rolePassword,
                "MESSAGING_KEYS_PASSWORD", keystorePassword));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitReady(process, port, log);
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitReady(Process process, int port, Path log) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        var deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro seeding the demo data exited; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Deployment.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Payara Micro seeding the demo data was not ready after " + READY_WITHIN + "; see " + log);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
