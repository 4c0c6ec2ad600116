package care.messaging.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The test run's own PostgreSQL database: created empty, dropped at the end even if sessions linger. It
 * is owned by a role of its own ({@link #owner}), which migrates the schema, and the application runs as a
 * second role ({@link #app}) that does not own the tables, as hospital IT runs it with the audit table
 * left INSERT/SELECT only. Both roles go with the database.
 */
final class TestDatabase implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(TestDatabase.class.getName());

    final String host;
    final int port;
    final String user;
    final String password;
    final String name;
    final String owner;
    final String app;
    /** One random password for both roles: they exist only for this run, on this machine. */
    final String rolePassword;
    private final Path record;

    private TestDatabase(String host, int port, String user, String password, String name, Path record) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
        this.owner = name + "_owner";
        this.app = name + "_app";
        var random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.rolePassword = HexFormat.of().formatHex(random);
        this.record = record;
    }

    /**
     * Creates a database with a random name, and notes the name in {@code record}, so the next run can drop
     * it if this one is killed before it can: only a database this directory's own run made is dropped.
     */
    static TestDatabase create(String host, int port, String user, String password, Path record) {
        try {
            if (Files.exists(record)) {
                var leftover = new TestDatabase(host, port, user, password, Files.readString(record).strip(), record);
                LOGGER.log(System.Logger.Level.WARNING, "Dropping database {0}, left by a run that was killed", leftover.name);
                leftover.close();
            }
            var random = new byte[4];
            new SecureRandom().nextBytes(random);
            var database = new TestDatabase(host, port, user, password, "messaging_sys_" + HexFormat.of().formatHex(random), record);
            Files.writeString(record, database.name);
            database.execute("CREATE ROLE " + database.owner + " LOGIN PASSWORD '" + database.rolePassword + "'");
            database.execute("CREATE ROLE " + database.app + " LOGIN PASSWORD '" + database.rolePassword + "'");
            database.execute("CREATE DATABASE " + database.name + " OWNER " + database.owner);
            LOGGER.log(System.Logger.Level.INFO, "Created database {0}", database.name);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to this database as the test user, for tests that must look at or change rows directly. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, user, password);
    }

    @Override
    public void close() {
        if (!name.matches("messaging_sys_[0-9a-f]{8}")) {
            throw new IllegalStateException("Not a test database: " + name);
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("DROP ROLE IF EXISTS " + app);
        execute("DROP ROLE IF EXISTS " + owner);
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOGGER.log(System.Logger.Level.INFO, "Dropped database {0}", name);
    }

    private void execute(String sql) {
        // The maintenance database: CREATE and DROP DATABASE cannot run inside the database they name.
        var url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + host + ":" + port, e);
        }
    }
}
