package care.messaging.system;

import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the EAR exposes on a hospital's server besides the API itself, and what it must not. */
@ExtendWith(PayaraServer.class)
class DeploymentIT {

    final Api api;
    final Sql sql;
    final TestDatabase database;

    DeploymentIT(Api api, Sql sql, TestDatabase database) {
        this.api = api;
        this.sql = sql;
        this.database = database;
    }

    @Test
    void theApplicationRunsAsARoleThatOwnsNothingAndCannotRewriteTheAuditTrail() {
        var owners = sql.query("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'");
        assertEquals(1, owners.size(), owners::toString);
        assertEquals(database.owner, owners.get(0).get("tableowner"), "config/database/migrate.sh migrated as the owner");
        var pool = sql.query("SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ? AND usename <> 'postgres'", database.name);
        assertEquals(java.util.List.of(java.util.Map.of("usename", database.app)), pool, "the JDBC pool connects as the runtime role");
        var rights = sql.query("SELECT has_table_privilege(?, 'audit_event', 'UPDATE') AS u, has_table_privilege(?, 'audit_event', 'DELETE') AS d,"
                + " has_table_privilege(?, 'audit_event', 'TRUNCATE') AS t, has_table_privilege(?, 'audit_event', 'INSERT') AS i",
                database.app, database.app, database.app, database.app).get(0);
        assertEquals(java.util.Map.of("u", false, "d", false, "t", false, "i", true), rights);
        var me = api.get(DemoPeople.RIVERA, "/conversations");
        assertEquals(200, me.status(), "and it works: it reads, and audits the read, as that role");
    }

    @Test
    void devLoginDoesNotExistInTheEar() {
        var reply = api.call(null, "POST", "/dev/login", "{\"username\": \"dr.rivera\"}");

        assertProblem(404, "not-found", reply);
        assertProblem(404, "not-found", api.call(null, "GET", "/dev/users", null));
        var settings = api.call(null, "GET", "/app/settings", null);
        assertEquals(200, settings.status(), settings::toString);
        assertEquals(false, settings.json().getBoolean("devLogin"), "the apps offer no demo picker in the EAR");
        assertEquals(15, settings.json().getInt("idleMinutes"), "the default automatic log-off");
    }

    @Test
    void theBrowserAppsAreServedWithTheirModules() {
        for (var path : new String[] {"/messaging/", "/messaging/portal/"}) {
            var page = api.server(path, "text/html");
            assertEquals(200, page.status(), path);
            assertTrue(page.body().contains("type=\"module\""), path + " loads the app's modules");
        }
        var module = api.server("/messaging/vendor/dompurify-3.3.3/purify.es.mjs", "*/*");
        assertEquals(200, module.status());
        assertTrue(module.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"),
                "browsers run ES modules only with a JavaScript type (nosniff): " + module.headers().map());
    }

    @Test
    void openApiDescribesTheConversationsApi() {
        var reply = api.server("/openapi", "application/json");

        assertEquals(200, reply.status(), reply::toString);
        var paths = reply.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/conversations"), paths.keySet()::toString);
        assertTrue(paths.containsKey("/api/conversations/{id}/messages"), paths.keySet()::toString);
    }
}
