package care.messaging.settings.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's texts over HTTP on Payara Micro: an admin sets them (cleaned, audited, announced to open
 * apps), every client of the practice reads them in {@code GET /me}, and anything else (bad text, a bad
 * phone number, no body, the wrong role) is a problem that changes nothing and echoes nothing.
 */
@ExtendWith(WebApp.class)
class PortalTextsIT {

    static final String PATH = "admin/practice/messaging/portal";
    static final String DEFAULT_NOTICE = "Messages are not monitored around the clock. In an emergency call 911 or 988.";

    @Test
    void anAdminSetsTheTextsAndEveryClientOfThePracticeReadsThem(WebApp app) {
        var admin = app.token("admin.park");
        var alex = app.token("alex.morgan");
        try {
            var audited = audited(app);
            var cursor = app.json(alex, "GET", "events/cursor", null).getJsonNumber("cursor").longValue();
            var saved = app.json(admin, "PUT", PATH, body("  Replies on weekdays.\u202E In an emergency call 911.  ", " +1 (555) 010-0100 ext. 7 "));
            assertAll(() -> assertEquals("Replies on weekdays. In an emergency call 911.", saved.getString("notice"), "trimmed, bidi control removed"),
                    () -> assertFalse(saved.getBoolean("defaultNotice")),
                    () -> assertEquals("+1 (555) 010-0100 ext. 7", saved.getString("phone")));
            var practice = app.json(alex, "GET", "me", null).getJsonObject("practice");
            assertEquals("Replies on weekdays. In an emergency call 911.", practice.getString("portalNotice"));
            assertEquals("+1 (555) 010-0100 ext. 7", practice.getString("contactPhone"));
            assertEquals(saved, app.json(admin, "GET", "admin/practice/messaging", null).getJsonObject("portal"));
            assertEquals(audited + 1, audited(app), "the change is audited");
            var events = app.json(alex, "GET", "events?after=" + cursor, null).getJsonArray("events").getValuesAs(JsonObject.class);
            var changed = events.stream().filter(e -> "practice.changed".equals(e.getString("type"))).toList();
            assertEquals(1, changed.size(), "open apps hear of it: " + events);
            assertFalse(changed.get(0).toString().contains("weekdays"), "the event carries no text");

            var reset = app.json(admin, "PUT", PATH, "{\"notice\":\" \",\"phone\":null}");
            assertAll(() -> assertEquals(DEFAULT_NOTICE, reset.getString("notice")), () -> assertTrue(reset.getBoolean("defaultNotice")),
                    () -> assertTrue(reset.isNull("phone")));
            assertTrue(app.json(alex, "GET", "me", null).getJsonObject("practice").isNull("contactPhone"));
        } finally {
            app.call(admin, "PUT", PATH, "{\"notice\":null,\"phone\":null}");
        }
    }

    @Test
    void badInputIsAProblemThatChangesNothing(WebApp app) {
        var admin = app.token("admin.park");
        try {
            app.json(admin, "PUT", PATH, body("Replies on weekdays.", "555-0100"));
            var before = app.json(admin, "GET", "admin/practice/messaging", null).getJsonObject("portal");
            var audited = audited(app);
            var secret = "Sam Lee's diagnosis";
            var refusals = List.of(
                    new Refusal(admin, body("<b>" + secret + "</b>", "555-0100"), 400, "invalid-notice"),
                    new Refusal(admin, body(secret + "\nsecond line", "555-0100"), 400, "invalid-notice"),
                    new Refusal(admin, body("x".repeat(301), "555-0100"), 400, "invalid-notice"),
                    new Refusal(admin, body("Replies on weekdays.", secret), 400, "invalid-phone"),
                    new Refusal(admin, body("Replies on weekdays.", "12"), 400, "invalid-phone"),
                    new Refusal(admin, body("Fine notice", "555-0100\u0000"), 400, "nul-character"),
                    new Refusal(admin, "{\"notice\":", 400, "malformed-json"),
                    new Refusal(admin, "null", 400, "missing-body"),
                    new Refusal(app.token("dr.rivera"), body("Fine notice", "555-0199"), 403, "wrong-role"),
                    new Refusal(app.token("alex.morgan"), body("Fine notice", "555-0199"), 403, "wrong-role"));
            for (var refusal : refusals) {
                var reply = app.call(refusal.token(), "PUT", PATH, refusal.body());
                assertAll(refusal.body(),
                        () -> assertEquals(refusal.status(), reply.statusCode(), reply.body()),
                        () -> assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                        () -> assertEquals("urn:care-messaging:problem:" + refusal.type(), MicroNode.json(reply).getString("type")),
                        () -> assertFalse(reply.body().contains("diagnosis"), "nothing of the input is echoed"));
            }
            assertEquals(before, app.json(admin, "GET", "admin/practice/messaging", null).getJsonObject("portal"), "nothing changed");
            assertEquals(audited, audited(app), "no change was audited as made");
        } finally {
            app.call(admin, "PUT", PATH, "{\"notice\":null,\"phone\":null}");
        }
    }

    record Refusal(String token, String body, int status, String type) {
    }

    static String body(String notice, String phone) {
        return Json.createObjectBuilder().add("notice", notice).add("phone", phone).build().toString();
    }

    static long audited(WebApp app) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = 'practice.portal.update' AND outcome = 'success'");
    }
}
