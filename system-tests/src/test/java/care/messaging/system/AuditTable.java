package care.messaging.system;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail as its database rows, read and changed over JDBC the way someone holding the database
 * could: the application must notice every change it did not make itself.
 */
final class AuditTable {

    private final TestDatabase database;

    AuditTable(TestDatabase database) {
        this.database = database;
    }

    /** Every audit row a request left, as column name to value. */
    List<Map<String, Object>> rowsOf(String requestId) {
        return query("SELECT * FROM audit_event WHERE request_id = ? ORDER BY chain, no", requestId);
    }

    /** The one row a request left; fails if there is none or more. */
    Map<String, Object> rowOf(String requestId) {
        var rows = rowsOf(requestId);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one audit row for request " + requestId + " but found " + rows);
        }
        return rows.get(0);
    }

    /** Audit rows anywhere whose text, in any column, contains the fragment. */
    long rowsMentioning(String fragment) {
        return ((Number) query("SELECT count(*) AS n FROM audit_event e WHERE position(? IN e::text) > 0", fragment)
                .get(0).get("n")).longValue();
    }

    /** A practice of its own with one admin, whose token subject this answers, so a test can tamper freely. */
    Practice newPractice() {
        var random = new byte[4];
        new SecureRandom().nextBytes(random);
        var suffix = HexFormat.of().formatHex(random);
        var practice = UUID.randomUUID();
        var admin = UUID.randomUUID();
        execute("INSERT INTO practice (id, name) VALUES (?, ?)", practice, "Audit Test Practice " + suffix);
        execute("""
                INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at)
                VALUES (?, ?, ?, ?, 'admin', 'Audit Test Admin', now())""", admin, practice, "audit-admin-" + suffix,
                "audit-admin-" + suffix);
        return new Practice(practice, "audit-admin-" + suffix);
    }

    record Practice(UUID id, String adminSubject) {
    }

    List<Map<String, Object>> query(String sql, Object... parameters) {
        try (var connection = database.connect(); var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                var result = new ArrayList<Map<String, Object>>();
                var meta = rows.getMetaData();
                while (rows.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    for (var column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnName(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int execute(String sql, Object... parameters) {
        try (var connection = database.connect(); var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
