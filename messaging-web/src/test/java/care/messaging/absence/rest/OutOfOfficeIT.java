package care.messaging.absence.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Out-of-office over HTTP on Payara Micro: a practitioner plans, changes and removes their periods; an admin
 * configures several members at once and sees the team's; every refusal is a problem that saves nothing. The
 * periods here lie in the future (the app is shared with other tests, whose sends an active period would answer).
 */
@ExtendWith(WebApp.class)
class OutOfOfficeIT {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String MINE = "me/out-of-office";
    static final String TEAM = "admin/out-of-office";

    @Test
    void aPractitionerPlansChangesAndRemovesAPeriodAndTheirClientsAreTold(WebApp app) {
        var rivera = app.token("dr.rivera");
        var alex = app.token("alex.morgan");
        try {
            clear(app);
            var cursor = app.json(alex, "GET", "events/cursor", null).getJsonNumber("cursor").longValue();
            var audited = audited(app, "out-of-office.set");
            var start = wall(30, 9);
            var end = wall(33, 17);
            var created = app.call(rivera, "POST", MINE, body(start, end, "Europe/Berlin", "<p>Away until <strong>Friday</strong>.<script>x</script></p><ul><li>Dr. Chen covers</li></ul>", null));
            assertEquals(201, created.statusCode(), created.body());
            var period = MicroNode.json(created);
            assertAll(() -> assertEquals(start, period.getString("startsAt").substring(0, 16)),
                    () -> assertEquals(OffsetDateTime.parse(period.getString("startsAt")).getOffset(),
                            BERLIN.getRules().getOffset(LocalDateTime.parse(start)), "the wall time with its zone's offset"),
                    () -> assertEquals(end, period.getString("endsAt").substring(0, 16)),
                    () -> assertEquals("Europe/Berlin", period.getString("timeZone")),
                    () -> assertEquals("<p>Away until <strong>Friday</strong>.</p><ul><li>Dr. Chen covers</li></ul>", period.getString("html"),
                            "sanitized like a message: formatting kept, the script gone"),
                    () -> assertFalse(period.getBoolean("colleagues"), "clients only unless asked"),
                    () -> assertFalse(period.getBoolean("active")),
                    () -> assertEquals("Dr. Maria Rivera", period.getJsonObject("setBy").getString("displayName")));
            assertEquals(audited + 1, audited(app, "out-of-office.set"));
            assertEquals(0, app.sql("SELECT count(*) FROM absence WHERE position(convert_to('Friday', 'UTF8') in reply) > 0"),
                    "the reply is stored sealed");
            assertEquals(List.of(period), list(app, rivera, MINE));

            var changed = app.json(rivera, "PUT", MINE + "/" + period.getString("id"),
                    body(start, null, "America/New_York", "<p>Back soon.</p>", true));
            assertAll(() -> assertTrue(changed.isNull("endsAt"), "an open end"),
                    () -> assertEquals("America/New_York", changed.getString("timeZone")),
                    () -> assertTrue(changed.getBoolean("colleagues")),
                    () -> assertEquals(period.getString("id"), changed.getString("id")));

            var events = app.json(alex, "GET", "events?after=" + cursor, null).getJsonArray("events").getValuesAs(JsonObject.class)
                    .stream().filter(e -> "out-of-office.changed".equals(e.getString("type"))).toList();
            assertEquals(2, events.size(), "Dr. Rivera's client hears of each change: " + events);
            assertFalse(events.toString().contains("Back soon"), "events carry no text");

            assertEquals(204, app.call(rivera, "DELETE", MINE + "/" + period.getString("id"), null).statusCode());
            assertEquals(List.of(), list(app, rivera, MINE));
        } finally {
            clear(app);
        }
    }

    @Test
    void anAdminConfiguresSeveralMembersAtOnceAndThePractitionerSeesWhoSetIt(WebApp app) {
        var admin = app.token("admin.park");
        try {
            clear(app);
            var ids = List.of(memberId(app, admin, "Dr. Maria Rivera"), memberId(app, admin, "Dr. Wei Chen"));
            var request = team(ids, wall(40, 8), wall(41, 18), "<p>The practice is closed for training.</p>");
            var created = app.call(admin, "POST", TEAM, request);
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(2, array(created).size());
            var listed = list(app, admin, TEAM);
            assertEquals(2, listed.size());
            assertEquals(ids.stream().sorted().toList(),
                    listed.stream().map(p -> p.getJsonObject("practitioner").getString("id")).sorted().toList());
            var rivera = list(app, app.token("dr.rivera"), MINE);
            assertEquals(1, rivera.size());
            assertEquals("Jin Park", rivera.get(0).getJsonObject("setBy").getString("displayName"));

            // The practitioner may change what the admin set; the admin sees the change.
            var id = rivera.get(0).getString("id");
            app.json(app.token("dr.rivera"), "PUT", MINE + "/" + id, body(wall(40, 8), wall(40, 18), "Europe/Berlin", "<p>Mine now.</p>", null));
            var after = list(app, admin, TEAM).stream().filter(p -> p.getString("id").equals(id)).findFirst().orElseThrow();
            assertEquals("Dr. Maria Rivera", after.getJsonObject("setBy").getString("displayName"));
            assertEquals(200, app.call(admin, "PUT", TEAM + "/" + id, body(wall(40, 9), wall(40, 18), "Europe/Berlin", "<p>Admin again.</p>", null)).statusCode());
            assertEquals(204, app.call(admin, "DELETE", TEAM + "/" + id, null).statusCode());
            assertEquals(1, list(app, admin, TEAM).size());
        } finally {
            clear(app);
        }
    }

    @Test
    void badInputIsAProblemThatSavesNothing(WebApp app) {
        var rivera = app.token("dr.rivera");
        var admin = app.token("admin.park");
        try {
            clear(app);
            var planned = MicroNode.json(app.call(rivera, "POST", MINE, body(wall(50, 9), wall(52, 9), "Europe/Berlin", "<p>Away.</p>", null)));
            var riveraId = memberId(app, admin, "Dr. Maria Rivera");
            var chenId = memberId(app, admin, "Dr. Wei Chen");
            var okafor = uuidOf(app, "dr.okafor");
            var secret = "Sam Lee's diagnosis";
            var now = LocalDateTime.now(BERLIN).truncatedTo(ChronoUnit.MINUTES);
            var refusals = List.of(
                    new Refusal(rivera, MINE, "POST", body(wall(60, 9), wall(59, 9), "Europe/Berlin", "<p>x</p>", null), 400, "end-before-start"),
                    new Refusal(rivera, MINE, "POST", body(now.minusDays(3).toString(), now.minusDays(1).toString(), "Europe/Berlin", "<p>x</p>", null), 400, "period-in-past"),
                    new Refusal(rivera, MINE, "POST", body(wall(51, 9), wall(55, 9), "Europe/Berlin", "<p>x</p>", null), 409, "period-overlaps"),
                    new Refusal(rivera, MINE, "POST", body(wall(45, 9), null, "Europe/Berlin", "<p>x</p>", null), 409, "period-overlaps"),
                    new Refusal(rivera, MINE, "POST", body(wall(60, 9), wall(60 + 367, 9), "Europe/Berlin", "<p>x</p>", null), 400, "period-too-long"),
                    new Refusal(rivera, MINE, "POST", body(wall(60, 9), wall(61, 9), "Mars/" + secret, "<p>x</p>", null), 400, "invalid-time-zone"),
                    new Refusal(rivera, MINE, "POST", body("tomorrow", wall(61, 9), "Europe/Berlin", "<p>x</p>", null), 400, "invalid-start"),
                    new Refusal(rivera, MINE, "POST", body(wall(60, 9), secret, "Europe/Berlin", "<p>x</p>", null), 400, "invalid-end"),
                    new Refusal(rivera, MINE, "POST", body(wall(60, 9), wall(61, 9), "Europe/Berlin", "<p> </p><script>" + secret + "</script>", null), 400, "empty-message"),
                    new Refusal(rivera, MINE, "POST", body(wall(60, 9), wall(61, 9), "Europe/Berlin", "<p>" + "a".repeat(20001) + "</p>", null), 400, "message-too-long"),
                    new Refusal(rivera, MINE, "POST", "null", 400, "missing-body"),
                    new Refusal(rivera, MINE + "/" + planned.getString("id"), "PUT", body(wall(60, 9), wall(59, 9), "Europe/Berlin", "<p>x</p>", null), 400, "end-before-start"),
                    new Refusal(app.token("dr.chen"), MINE + "/" + planned.getString("id"), "PUT", body(wall(60, 9), wall(61, 9), "Europe/Berlin", "<p>x</p>", null), 404, "not-found"),
                    new Refusal(app.token("dr.chen"), MINE + "/" + planned.getString("id"), "DELETE", null, 404, "not-found"),
                    new Refusal(app.token("alex.morgan"), MINE, "POST", body(wall(60, 9), wall(61, 9), "Europe/Berlin", "<p>x</p>", null), 403, "wrong-role"),
                    new Refusal(admin, MINE, "POST", body(wall(60, 9), wall(61, 9), "Europe/Berlin", "<p>x</p>", null), 403, "wrong-role"),
                    new Refusal(rivera, TEAM, "POST", team(List.of(chenId), wall(60, 9), wall(61, 9), "<p>x</p>"), 403, "wrong-role"),
                    new Refusal(admin, TEAM, "POST", team(List.of(chenId, okafor), wall(60, 9), wall(61, 9), "<p>x</p>"), 404, "not-found"),
                    new Refusal(admin, TEAM, "POST", team(List.of(chenId, riveraId), wall(51, 9), wall(51, 18), "<p>x</p>"), 409, "period-overlaps"),
                    new Refusal(admin, TEAM, "POST", team(List.of(), wall(60, 9), wall(61, 9), "<p>x</p>"), 400, "invalid-members"),
                    new Refusal(admin, TEAM, "POST", team(List.of(chenId, chenId), wall(60, 9), wall(61, 9), "<p>x</p>"), 400, "invalid-members"),
                    new Refusal(app.token("admin.park"), TEAM + "/" + "not-an-id", "DELETE", null, 404, "not-found"),
                    new Refusal(app.token("alex.morgan"), "practitioners/" + okafor + "/away", "GET", null, 404, "not-found"));
            var audited = app.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'out-of-office.%' AND outcome = 'success'");
            var before = app.sql("SELECT count(*) FROM absence");
            for (var refusal : refusals) {
                var reply = app.call(refusal.token(), refusal.method(), refusal.path(), refusal.body());
                assertAll(refusal.body(),
                        () -> assertEquals(refusal.status(), reply.statusCode(), reply.body()),
                        () -> assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                        () -> assertEquals("urn:care-messaging:problem:" + refusal.type(), MicroNode.json(reply).getString("type")),
                        () -> assertFalse(reply.body().contains("diagnosis"), "nothing of the input is echoed"));
            }
            assertEquals(before, app.sql("SELECT count(*) FROM absence"), "nothing was saved, not even Dr. Chen's of a refused team request");
            assertEquals(audited, app.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'out-of-office.%' AND outcome = 'success'"));
            assertEquals(List.of(planned), list(app, rivera, MINE), "the planned period is as it was");
        } finally {
            clear(app);
        }
    }

    @Test
    void theEventOfAChangeSaysWhetherThePractitionerIsAwayByAllTheirPeriods(WebApp app) {
        var okafor = app.token("dr.okafor");
        var robin = app.token("robin.hale");
        try {
            clear(app);
            var now = LocalDateTime.now(BERLIN).truncatedTo(ChronoUnit.MINUTES);
            app.json(okafor, "POST", MINE, body(now.minusHours(1).toString(), now.plusDays(1).toString(), "Europe/Berlin", "<p>Away.</p>", null));
            var later = app.json(okafor, "POST", MINE, body(wall(10, 9), wall(11, 9), "Europe/Berlin", "<p>Away later.</p>", null));
            var cursor = app.json(robin, "GET", "events/cursor", null).getJsonNumber("cursor").longValue();
            assertEquals(204, app.call(okafor, "DELETE", MINE + "/" + later.getString("id"), null).statusCode());
            var changes = app.json(robin, "GET", "events?after=" + cursor, null).getJsonArray("events").getValuesAs(JsonObject.class)
                    .stream().filter(e -> "out-of-office.changed".equals(e.getString("type"))).toList();
            assertEquals(1, changes.size());
            assertTrue(changes.get(0).getJsonObject("facts").getBoolean("away"), "removing a later period leaves them away: " + changes);
        } finally {
            clear(app);
        }
    }

    record Refusal(String token, String path, String method, String body, int status, String type) {
    }

    /** A wall time in Berlin, days from today at the hour, as the API takes it. */
    static String wall(int days, int hour) {
        return LocalDateTime.now(BERLIN).plusDays(days).withHour(hour).truncatedTo(ChronoUnit.HOURS).toString();
    }

    static String body(String start, String end, String zone, String html, Boolean colleagues) {
        var b = Json.createObjectBuilder().add("startsAt", start).add("timeZone", zone).add("html", html);
        b = end == null ? b.addNull("endsAt") : b.add("endsAt", end);
        if (colleagues != null) {
            b.add("colleagues", colleagues);
        }
        return b.build().toString();
    }

    static String team(List<String> members, String start, String end, String html) {
        var ids = Json.createArrayBuilder();
        members.forEach(ids::add);
        return Json.createObjectBuilder().add("memberIds", ids).add("startsAt", start).add("endsAt", end)
                .add("timeZone", "Europe/Berlin").add("html", html).build().toString();
    }

    static List<JsonObject> list(WebApp app, String token, String path) {
        var reply = app.call(token, "GET", path, null);
        assertEquals(200, reply.statusCode(), reply.body());
        return array(reply).getValuesAs(JsonObject.class);
    }

    static String memberId(WebApp app, String admin, String name) {
        var reply = app.call(admin, "GET", "admin/members", null);
        return array(reply).getValuesAs(JsonObject.class).stream()
                .filter(m -> name.equals(m.getString("displayName"))).findFirst().orElseThrow().getString("id");
    }

    static JsonArray array(java.net.http.HttpResponse<String> reply) {
        try (var reader = Json.createReader(new java.io.StringReader(reply.body()))) {
            return reader.readArray();
        }
    }

    static String uuidOf(WebApp app, String username) {
        try (var c = java.sql.DriverManager.getConnection(app.jdbcUrl(), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.prepareStatement("SELECT id::text FROM account WHERE username = ?")) {
            s.setString(1, username);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long audited(WebApp app, String action) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = 'success'", action);
    }

    /** Every period of the demo practices goes, so no other test's send meets one. */
    static void clear(WebApp app) {
        app.sql("DELETE FROM absence");
    }
}
