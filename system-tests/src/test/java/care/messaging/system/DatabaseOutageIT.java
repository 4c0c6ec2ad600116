package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While the database is out of reach, a send or a read answers 503 with Retry-After (clients and proxies
 * retry), not a 500; readiness is DOWN meanwhile; once it is back the same request succeeds. The outage is
 * real and touches only this suite's own database: it stops taking connections and its sessions are cut.
 */
@ExtendWith(PayaraServer.class)
class DatabaseOutageIT {

    final Api api;
    final TestDatabase database;

    DatabaseOutageIT(Api api, TestDatabase database) {
        this.api = api;
        this.database = database;
    }

    @Test
    void aSendAndAReadDuringAnOutageAnswer503WithRetryAfterAndWorkAgainAfterIt() throws SQLException {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        try {
            outage(true);
            var send = api.send(ALEX, id, UUID.randomUUID().toString(), "<p>During the outage</p>");
            assertProblem(503, "database-unavailable", send);
            assertEquals("5", send.headers().firstValue("Retry-After").orElse(null), send::toString);
            var read = api.get(RIVERA, "/conversations/" + id + "/messages");
            assertProblem(503, "database-unavailable", read);
            assertEquals("5", read.headers().firstValue("Retry-After").orElse(null));
            assertNotEquals(200, api.server("/health/ready", "application/json").status(), "readiness is DOWN");
        } finally {
            outage(false);
        }
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Reply send;
        do {
            send = api.send(ALEX, id, UUID.randomUUID().toString(), "<p>After the outage</p>");
        } while (send.status() == 503 && System.nanoTime() < deadline && pause());
        assertEquals(201, send.status(), send::toString);
    }

    private void outage(boolean on) throws SQLException {
        var url = "jdbc:postgresql://" + database.host + ":" + database.port + "/postgres";
        try (var connection = DriverManager.getConnection(url, database.user, database.password);
             var statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name + " ALLOW_CONNECTIONS " + !on);
            if (on) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name + "'");
            }
        }
    }

    private static boolean pause() {
        Deployment.sleep(Duration.ofMillis(500));
        return true;
    }
}
