package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anyone can send refused credentials, so their audit must stay cheap and bounded: per source address,
 * reason and minute the first {@value #BUDGET} get a row each, the rest one {@code token.rejected.repeats}
 * row per minute that says how many; the server log gets no stack trace for them.
 */
@ExtendWith(PayaraServer.class)
class RejectionFloodIT {

    /** messaging.audit.rejections.per-source-minute's default. */
    static final int BUDGET = 10;
    static final int FLOOD = 60;

    final Api api;
    final Sql sql;
    final ServerLog log;

    RejectionFloodIT(Api api, Sql sql, ServerLog log) {
        this.api = api;
        this.sql = sql;
        this.log = log;
    }

    @Test
    void aFloodOfForgedTokensWritesABoundedNumberOfRowsAndCountsTheRest() {
        var token = api.identityProvider().tokenSignedByAnotherKey(ALEX);
        var prefix = "flood-" + UUID.randomUUID() + "-";
        var logBefore = log.read().length();
        var first = now();
        for (var i = 0; i < FLOOD; i++) {
            var reply = api.call(token, "GET", "/conversations", null, Map.of("X-Request-Id", prefix + i));
            assertProblem(401, "invalid-token", reply);
        }
        var last = now();
        var minutes = last / 60 - first / 60 + 1;

        var own = count("SELECT count(*) AS n FROM audit_event WHERE request_id LIKE ?", prefix + "%");
        assertTrue(own >= 1 && own <= BUDGET * minutes, () -> own + " rows of their own for " + FLOOD + " refusals in " + minutes + " minute(s): "
                + sql.query("SELECT action, reason, source_address, date_trunc('minute', at) AS minute, count(*) AS n FROM audit_event"
                        + " WHERE request_id LIKE ? GROUP BY 1, 2, 3, 4", prefix + "%"));

        var repeats = awaitRepeats(first, last, FLOOD - own);
        assertTrue(repeats.size() <= minutes, "one repeats row per minute at most: " + repeats);
        var counted = counted(repeats);
        assertTrue(own + counted >= FLOOD, "every refusal is accounted for: " + own + " rows + " + counted + " counted");
        repeats.forEach(r -> assertEquals("denied", r.get("outcome")));

        var logged = log.read().substring(logBefore);
        assertEquals(0, logged.lines().filter(l -> l.strip().startsWith("at ")).count(), "no stack trace in the log:\n" + tail(logged));
        // Payara writes a record as "[timestamp] [...] [[" + message + "]]": count records, not lines.
        var records = logged.lines().filter(l -> l.startsWith("[2")).count();
        assertTrue(records <= BUDGET * minutes + 10, records + " log records for " + FLOOD + " refusals:\n" + tail(logged));
    }

    @Test
    void aRequestWithoutATokenIsRefusedWhateverItsPathParametersOrBody() {
        assertProblem(401, "not-authenticated", api.call(null, "DELETE", "/admin/keys/anything", null));
        assertProblem(401, "not-authenticated", api.call(null, "DELETE", "/admin/keys/7", null));
        assertProblem(401, "not-authenticated", api.call(null, "GET", "/conversations/not-a-uuid/messages?limit=many", null));
        assertProblem(401, "not-authenticated", api.call(null, "POST", "/conversations/" + UUID.randomUUID() + "/read", "{\"seq\": "));
        assertProblem(401, "not-authenticated", api.call(null, "POST", "/conversations", null));
        assertEquals(200, api.call(null, "GET", "/app/settings", null).status(), "the apps' public settings stay open");
    }

    /** The repeats rows of the minutes from first to last (epoch seconds), once they count at least {@code expected}. */
    private java.util.List<Map<String, Object>> awaitRepeats(long first, long last, long expected) {
        var sqlText = "SELECT outcome, reason, extract(epoch FROM at)::bigint AS at FROM audit_event"
                + " WHERE action = 'token.rejected.repeats' AND reason LIKE 'bad-signature:%' AND source_address = '127.0.0.1'"
                + " AND at >= to_timestamp(?) AND at < to_timestamp(?) ORDER BY at";
        var from = first / 60 * 60;
        var lastMinute = last / 60 * 60;
        // The row for a minute is written once that minute is over (and the flush timer has run).
        var deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            var rows = sql.query(sqlText, from, lastMinute + 60);
            if (counted(rows) >= expected) {
                return rows;
            }
            Deployment.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("the token.rejected.repeats rows never counted the " + expected + " refusals without a row");
    }

    private static long counted(java.util.List<Map<String, Object>> repeats) {
        return repeats.stream().mapToLong(r -> Long.parseLong(((String) r.get("reason")).substring("bad-signature:".length()))).sum();
    }

    private long count(String sqlText, Object... parameters) {
        return ((Number) sql.query(sqlText, parameters).get(0).get("n")).longValue();
    }

    /** The database's clock, in epoch seconds: the app's rows are timed by the same machine. */
    private long now() {
        return ((Number) sql.query("SELECT extract(epoch FROM now())::bigint AS t").get(0).get("t")).longValue();
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
