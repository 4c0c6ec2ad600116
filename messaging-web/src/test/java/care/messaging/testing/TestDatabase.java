package care.messaging.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each integration-test run a database of its own: created when the JUnit Platform session opens,
 * before Arquillian starts Payara Micro (whose post-boot file points the pool at it through DB_NAME), and
 * dropped with whatever connections are left when the session closes.
 * <p>
 * Acts only where failsafe names the database ({@value #DATABASE}), so a unit test in this module never
 * touches PostgreSQL, and a DB_NAME exported in a developer's shell is never dropped.
 */
public class TestDatabase implements LauncherSessionListener {

    static final String DATABASE = "messaging.it.database";
    private static final System.Logger LOGGER = System.getLogger(TestDatabase.class.getName());

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        name().ifPresent(name -> {
            if (!exists(name)) {
                execute("CREATE DATABASE " + name);
                LOGGER.log(System.Logger.Level.INFO, "Created database {0}", name);
            }
        });
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        name().ifPresent(name -> {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            LOGGER.log(System.Logger.Level.INFO, "Dropped database {0}", name);
        });
    }

    static Optional<String> name() {
        var name = System.getProperty(DATABASE);
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        // The name goes into DDL unquoted, so it must be a plain identifier.
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(DATABASE + " must be a lower-case identifier: " + name);
        }
        return Optional.of(name);
    }

    static boolean exists(String name) {
        try (var connection = connect();
             var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable for the integration tests", e);
        }
    }

    static void execute(String ddl) {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run: " + ddl, e);
        }
    }

    static Connection connect() throws SQLException {
        var url = "jdbc:postgresql://" + env("DB_HOST") + ":" + env("DB_PORT") + "/postgres";
        return DriverManager.getConnection(url, env("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    static String env(String name) {
        var value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set; failsafe sets it (messaging-web/pom.xml)");
        }
        return value;
    }
}
