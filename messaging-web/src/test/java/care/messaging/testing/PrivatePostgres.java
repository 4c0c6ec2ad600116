package care.messaging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL cluster of one test class's own, for tests that restart the database: {@code initdb} in
 * target/, a free port on 127.0.0.1, its socket in its own data directory, trust authentication for the
 * failsafe environment's user. Started before the class, stopped and deleted after it
 * ({@code @RegisterExtension static PrivatePostgres postgres = new PrivatePostgres("name")}), so a test's
 * restart is this cluster's, never the machine's shared one that other suites use.
 * <p>
 * initdb and postgres refuse to run as root: as root (this project's machines) they run as the
 * {@code postgres} OS user through {@code runuser}, in a directory that user owns. The binaries are
 * PostgreSQL 15's ({@code /usr/lib/postgresql/15/bin}), or those of {@code -Dmessaging.it.pg-bin}.
 * pg_stat_statements is loaded, so a test can see which statements ran and how often.
 */
public final class PrivatePostgres implements BeforeAllCallback, AfterAllCallback {

    private static final Path BIN = Path.of(System.getProperty("messaging.it.pg-bin", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final String name;
    private final List<String> settings;
    private Path directory;
    private Path data;
    private int port;

    /** {@code settings} are extra {@code name=value} server settings, e.g. {@code log_statement=all}. */
    public PrivatePostgres(String name, String... settings) {
        this.name = name;
        this.settings = List.of(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    public void start() throws IOException, InterruptedException {
        directory = Cluster.TARGET.resolve("postgres-" + name);
        delete(directory);
        data = directory.resolve("data");
        Files.createDirectories(data);
        if (ROOT) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
        }
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", user(), "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync"), true);
        // In its configuration file rather than on pg_ctl's command line, which goes through a shell.
        var configuration = new StringBuilder();
        var all = new ArrayList<>(List.of("port=" + port, "unix_socket_directories=" + data, "listen_addresses=127.0.0.1",
                "fsync=off", "max_connections=200", "shared_preload_libraries=pg_stat_statements"));
        all.addAll(settings);
        for (var setting : all) {
            var equals = setting.indexOf('=');
            configuration.append(setting, 0, equals).append(" = '")
                    .append(setting.substring(equals + 1).replace("'", "''")).append("'\n");
        }
        Files.writeString(data.resolve("postgresql.conf"), configuration, java.nio.file.StandardOpenOption.APPEND);
        pgCtl("start", "-l", log().toString());
        admin("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /** A fast restart (open connections are cut, as when a server restarts), waiting until it accepts connections again. */
    public void restart() throws IOException, InterruptedException {
        pgCtl("restart", "-m", "fast", "-l", log().toString());
        awaitConnections();
    }

    public void stop() throws IOException, InterruptedException {
        if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
            pgCtl("stop", "-m", "immediate");
        }
        delete(directory);
    }

    /** What a Micro node needs to use this cluster in place of the failsafe environment's: host, port, database. */
    public Map<String, String> environment(String database) {
        return Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(port), "DB_NAME", database);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user(), System.getenv("DB_PASSWORD"));
    }

    public void admin(String sql) {
        try (var c = connect("postgres"); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** How often a statement whose text contains {@code fragment} has run in this cluster (pg_stat_statements). */
    public long calls(String fragment) {
        try (var c = connect("postgres");
             var s = c.prepareStatement("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE strpos(query, ?) > 0")) {
            s.setString(1, fragment);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's log (also where log_statement writes). */
    public Path log() {
        return directory.resolve("postgres.log");
    }

    private void awaitConnections() throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (var c = connect("postgres")) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the private PostgreSQL does not accept connections: " + notYet.getMessage());
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private void pgCtl(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "120"));
        command.addAll(List.of(arguments));
        run(command, true);
    }

    private static String user() {
        var user = System.getenv("DB_USER");
        return user == null || user.isEmpty() ? "postgres" : user;
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        if (asPostgres && ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        // cwd: a directory the postgres user may enter (it may not read root's home). The output goes to a
        // file, not a pipe: a server started by pg_ctl may keep the descriptors it inherited open.
        var output = Files.createTempFile(Cluster.TARGET, "postgres-command", ".txt");
        try {
            var process = new ProcessBuilder(full).directory(Cluster.TARGET.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectOutput(output.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
