package care.messaging.system;

import static care.messaging.system.DemoPeople.PARK;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail's chain against someone who holds the database: each change made through SQL is
 * reported by verification at the row where it was made. Every case tampers with a practice of its own,
 * so no case masks another, and the demo practices' chains stay untouched. Also: the database role
 * script, and the admin command IT runs.
 */
@ExtendWith(PayaraServer.class)
class AuditChainIT {

    static final Path CONFIG = Path.of(System.getProperty("config.dir", "../config"));

    final Api api;
    final TestDatabase database;
    final AuditTable audit;

    AuditChainIT(Api api, TestDatabase database) {
        this.api = api;
        this.database = database;
        this.audit = new AuditTable(database);
    }

    @Test
    void anUntouchedChainVerifies() {
        var reply = api.get(PARK, "/admin/audit/verification");

        assertEquals(200, reply.status(), reply::toString);
        var verification = reply.json();
        var practice = api.get(PARK, "/me").json().getJsonObject("practice").getString("id");
        assertAll(
                () -> assertTrue(verification.getBoolean("ok"), reply::toString),
                () -> assertTrue(verification.getJsonNumber("rowsChecked").longValue() > 0, reply::toString),
                () -> assertEquals(practice, verification.getJsonArray("heads").getJsonObject(0).getString("chain")));
    }

    @Test
    void aChangedColumnIsAHashMismatchAtThatRow() {
        var practice = chainOf(4);

        audit.execute("UPDATE audit_event SET source_address = '192.0.2.66' WHERE chain = ? AND no = 2", practice.id());

        assertBroken(practice, 2, "hash-mismatch");
    }

    @Test
    void aDeletedRowInTheMiddleIsAGapWhereItWas() {
        var practice = chainOf(4);

        audit.execute("DELETE FROM audit_event WHERE chain = ? AND no = 2", practice.id());

        assertBroken(practice, 2, "gap");
    }

    @Test
    void aDeletedLastRowIsAHeadMismatch() {
        var practice = chainOf(4);

        audit.execute("DELETE FROM audit_event WHERE chain = ? AND no = 4", practice.id());

        assertBroken(practice, 4, "head-mismatch");
    }

    @Test
    void aForgedRowAppendedBehindTheHeadsBackIsAHeadMismatchAndStaysReported() {
        var practice = chainOf(4);

        forgeRowAfter(practice, 4);

        assertBroken(practice, 5, "head-mismatch");
        // The practice's own appends go on past the forged row, which verification keeps finding.
        assertBroken(practice, 5, "hash-mismatch");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), audit.query("SELECT no FROM audit_event WHERE chain = ? ORDER BY no",
                practice.id()).stream().map(row -> ((Number) row.get("no")).longValue()).toList());
    }

    @Test
    void aForgedRowWhoseHeadWasMovedAlongIsAHashMismatch() {
        var practice = chainOf(4);

        forgeRowAfter(practice, 4);
        audit.execute("UPDATE audit_head SET last_no = 5, last_hash = (SELECT hash FROM audit_event WHERE chain = ? AND no = 5) "
                + "WHERE chain = ?", practice.id(), practice.id());

        assertBroken(practice, 5, "hash-mismatch");
    }

    @Test
    void aRowRelinkedToAnEarlierOneIsAPrevMismatch() {
        var practice = chainOf(4);

        audit.execute("UPDATE audit_event SET prev_hash = (SELECT hash FROM audit_event WHERE chain = ? AND no = 1) "
                + "WHERE chain = ? AND no = 3", practice.id(), practice.id());

        assertBroken(practice, 3, "prev-mismatch");
    }

    @Test
    void theApplicationsDatabaseRoleMayOnlyInsertAndSelectAuditRows() throws IOException, SQLException {
        var random = new byte[4];
        new SecureRandom().nextBytes(random);
        var role = "audit_app_" + HexFormat.of().formatHex(random);
        var script = Files.readString(CONFIG.resolve("database/audit-role.sql"))
                .replace(":\"app_role\"", "\"" + role + "\"").replace(":'app_role'", "'" + role + "'");
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + role + " NOLOGIN");
            try {
                // What a runtime role may have been given before: everything.
                statement.execute("GRANT ALL ON audit_event, audit_head TO " + role);
                statement.execute(script);
                statement.execute("SET ROLE " + role);
                // Nothing below may stay, whatever the role turns out to be allowed.
                connection.setAutoCommit(false);
                for (var refused : List.of("UPDATE audit_event SET outcome = outcome", "DELETE FROM audit_event",
                        "TRUNCATE audit_event", "DELETE FROM audit_head")) {
                    var failure = assertThrows(SQLException.class, () -> statement.execute(refused), refused);
                    assertEquals("42501", failure.getSQLState(), refused + ": " + failure.getMessage());
                    connection.rollback();
                }
                statement.executeQuery("SELECT count(*) FROM audit_event").close();
                var chain = UUID.randomUUID();
                statement.execute("INSERT INTO audit_head (chain, last_no, last_hash) VALUES ('" + chain + "', 0, '\\x00')");
                statement.execute("UPDATE audit_head SET last_no = 1 WHERE chain = '" + chain + "'");
                statement.execute("INSERT INTO audit_event (chain, no, at, practice_id, action, outcome, prev_hash, hash) "
                        + "VALUES ('" + chain + "', 1, now(), '" + chain + "', 'x', 'success', '\\x00', '\\x00')");
                connection.rollback();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                statement.execute("RESET ROLE");
                statement.execute("DROP OWNED BY " + role);
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void theAdminCommandVerifiesExportsAndExitsWithOneOnABrokenChain() throws IOException, InterruptedException {
        var practice = chainOf(2);
        var token = api.identityProvider().token(practice.adminSubject(), "admin");

        var intact = admin(token, "audit", "verify");
        var now = Instant.now();
        var export = admin(token, "audit", "export", "--from", now.minus(Duration.ofHours(1)).toString(),
                "--to", now.plus(Duration.ofHours(1)).toString(), "--format", "csv");
        audit.execute("UPDATE audit_event SET outcome = 'denied' WHERE chain = ? AND no = 1", practice.id());
        var broken = admin(token, "audit", "verify");
        var practitioner = admin(api.identityProvider().token(DemoPeople.RIVERA), "audit", "verify");

        assertEquals(0, intact.exit(), intact::output);
        assertTrue(intact.output().contains("\"ok\":true"), intact::output);
        assertEquals(0, export.exit(), export::output);
        assertTrue(export.output().startsWith("practiceId,no,at,"), export::output);
        assertTrue(export.output().contains(",audit.verify,"), export::output);
        assertEquals(1, broken.exit(), broken::output);
        assertTrue(broken.output().contains("\"reason\":\"hash-mismatch\""), broken::output);
        assertEquals(3, practitioner.exit(), practitioner::output);
        assertTrue(practitioner.output().contains("wrong-role"), practitioner::output);
        assertFalse(intact.output().contains(token), "the token is never printed");
    }

    AdminCommand.Run admin(String token, String... arguments) throws IOException, InterruptedException {
        return AdminCommand.run(api, token, arguments);
    }

    /** A practice of its own whose chain holds n rows: its admin verified it n times (each one audited). */
    AuditTable.Practice chainOf(int rows) {
        var practice = audit.newPractice();
        for (var i = 0; i < rows; i++) {
            var verification = verify(practice);
            assertTrue(verification.getBoolean("ok"), verification::toString);
        }
        return practice;
    }

    JsonObject verify(AuditTable.Practice practice) {
        var reply = api.call(api.identityProvider().token(practice.adminSubject(), "admin"), "GET", "/admin/audit/verification", null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** A row appended through SQL: plausible content, linked to the last row, but a hash made up without the key. */
    void forgeRowAfter(AuditTable.Practice practice, int last) {
        audit.execute("""
                INSERT INTO audit_event (chain, no, at, practice_id, actor_id, actor_role, action, outcome, source_address,
                                         request_id, prev_hash, hash)
                SELECT chain, no + 1, at, practice_id, actor_id, actor_role, 'conversation.read', outcome, source_address,
                       'forged', hash, sha256(hash)
                  FROM audit_event WHERE chain = ? AND no = ?""", practice.id(), last);
    }

    void assertBroken(AuditTable.Practice practice, long no, String reason) {
        var verification = verify(practice);
        assertFalse(verification.getBoolean("ok"), verification::toString);
        var broken = verification.getJsonObject("broken");
        assertAll(
                () -> assertEquals(practice.id().toString(), broken.getString("chain"), verification::toString),
                () -> assertEquals(no, broken.getJsonNumber("no").longValue(), verification::toString),
                () -> assertEquals(reason, broken.getString("reason"), verification::toString));
    }
}
