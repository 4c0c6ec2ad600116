package care.messaging.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application refuses to start, and says in one log line why, when it could not keep its promises:
 * without usable keys (among them a keystore without the search index's key, which the application never
 * adds to IT's keystore itself), or (where the schema owner migrates) with migrations pending. It is started on
 * Payara Micro as IT would start it, with the setting left out or wrong.
 */
class StartupChecksIT {

    static final String LINE = "Care Messaging cannot start: ";

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
    void aKeystoreWithoutTheSearchIndexKeyStopsTheStartAndIsLeftAsItWas() throws Exception {
        var source = Path.of(System.getProperty("messaging.it.keystore"));
        var keystore = source.resolveSibling("startup-check-without-index-mac.p12");
        var password = System.getenv("MESSAGING_KEYS_PASSWORD");
        var store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(source)) {
            store.load(in, password.toCharArray());
        }
        store.deleteEntry("index-mac"); // a keystore made before search existed
        try (var out = Files.newOutputStream(keystore)) {
            store.store(out, password.toCharArray());
        }
        var before = Files.readAllBytes(keystore);
        try {
            var started = start(List.of("-Dmessaging.keys.keystore=" + keystore), Map.of("MESSAGING_KEYS_PASSWORD", password));

            assertEquals(1, started.linesWith(LINE + "the keystore " + keystore + " has no index-mac entry"), started.log);
            assertTrue(started.log.contains("add it with config/keys/add-index-key.sh"), started.log);
            assertFalse(started.serving, "the application must not serve requests");
            assertArrayEquals(before, Files.readAllBytes(keystore), "the application never writes IT's keystore itself");
        } finally {
            Files.deleteIfExists(keystore);
        }
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

    Started start(List<String> properties, Map<String, String> environment) throws InterruptedException {
        try (var node = MicroNode.start("startup-check", properties, environment, List.of("MESSAGING_KEYS_PASSWORD"))) {
            var text = node.awaitStarted(Duration.ofMinutes(2));
            assertTrue(text.contains(LINE), "Micro started without the check failing:\n" + text);
            return new Started(text, node.status("/messaging/api/openapi") != 404 || node.status("/messaging/api/me") != 404);
        }
    }
}
