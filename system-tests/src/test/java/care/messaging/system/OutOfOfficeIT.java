package care.messaging.system;

import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.ROBIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Out-of-office on the EAR on Payara Server, black-box: a practitioner away now answers a client's two messages
 * with one automatic reply, labelled and audited; the client learns that they are away; an overlapping period is
 * refused, and an admin of another practice configuring them gets 404 and saves nothing. The period is removed after.
 * A short period planned a few seconds ahead turns on and off by the EJB timers of the server alone, and the client
 * is told each change once ({@code out-of-office.changed}).
 */
@ExtendWith(PayaraServer.class)
class OutOfOfficeIT {

    final Api api;
    final Sql sql;

    OutOfOfficeIT(Api api, Sql sql) {
        this.api = api;
        this.sql = sql;
    }

    @Test
    void aClientsTwoMessagesGetOneAutomaticReplyAndRefusalsSaveNothing() {
        var now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        var planned = api.post(OKAFOR, "/me/out-of-office", period(now.minusHours(1), now.plusDays(1), "<p>Away today, back tomorrow.</p>"));
        assertEquals(201, planned.status(), planned::toString);
        var id = planned.json().getString("id");
        try {
            var conversation = api.conversationWith(ROBIN, OKAFOR.displayName).getString("id");
            var away = api.get(ROBIN, "/practitioners/" + planned.json().getJsonObject("practitioner").getString("id") + "/away");
            assertTrue(away.json().getBoolean("away"), away::toString);
            for (var text : new String[] {"<p>First question.</p>", "<p>Second question.</p>"}) {
                assertEquals(201, api.send(ROBIN, conversation, UUID.randomUUID().toString(), text).status());
            }
            var replies = api.messages(ROBIN, conversation).stream().filter(m -> m.getBoolean("automaticReply")).toList();
            assertEquals(1, replies.size(), replies::toString);
            JsonObject reply = replies.get(0);
            assertEquals("<p>Away today, back tomorrow.</p>", reply.getString("html"));
            assertEquals(1L, ((Number) sql.value("SELECT count(*) FROM audit_event WHERE action = 'message.auto-reply' AND message_id = ?::uuid",
                    reply.getString("id"))).longValue());

            var overlap = api.post(OKAFOR, "/me/out-of-office", period(now.plusHours(2), now.plusHours(5), "<p>x</p>"));
            assertEquals(409, overlap.status(), overlap::toString);
            assertTrue(overlap.body().contains("urn:care-messaging:problem:period-overlaps"), overlap::toString);
            var okaforId = planned.json().getJsonObject("practitioner").getString("id");
            var body = Json.createObjectBuilder().add("memberIds", Json.createArrayBuilder().add(okaforId))
                    .add("startsAt", now.plusDays(10).toString()).add("endsAt", now.plusDays(11).toString())
                    .add("timeZone", "UTC").add("html", "<p>x</p>").build();
            var foreign = api.post(PARK, "/admin/out-of-office", body);
            assertEquals(404, foreign.status(), foreign::toString);
            assertEquals("application/problem+json", foreign.contentType().split(";")[0]);
            assertEquals(1L, ((Number) sql.value("SELECT count(*) FROM absence WHERE account_id = ?::uuid", okaforId)).longValue(),
                    "nothing saved");
        } finally {
            assertEquals(204, api.delete(OKAFOR, "/me/out-of-office/" + id).status());
        }
    }

    @Test
    void aShortPeriodTurnsOnAndOffAtItsTimesByTheServersTimersAndTheClientIsToldEachChangeOnce() {
        var conversation = api.conversationWith(ROBIN, OKAFOR.displayName).getString("id");
        var from = EventStream.end(api, ROBIN);
        var start = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        var end = start.plusSeconds(6);
        var planned = api.post(OKAFOR, "/me/out-of-office", period(start, end, "<p>Back in a moment.</p>"));
        assertEquals(201, planned.status(), planned::toString);
        var id = planned.json().getString("id");
        var practitioner = planned.json().getJsonObject("practitioner").getString("id");
        try {
            var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!"ended".equals(sql.value("SELECT state FROM absence WHERE id = ?::uuid", id)) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
            assertEquals("ended", sql.value("SELECT state FROM absence WHERE id = ?::uuid", id), "the timers turned it off by its end");
            // The stream is read after the period has ended, whole: a second announcement of either change would show.
            var changes = EventStream.after(api, ROBIN, from, "out-of-office.changed", null).stream()
                    .filter(e -> practitioner.equals(e.getJsonObject("facts").getString("practitionerId")))
                    .map(e -> e.getJsonObject("facts").getBoolean("away")).toList();
            assertEquals(List.of(false, true, false), changes, "the plan (not away yet), one turn on at the start, one turn off at the end");
            var away = api.get(ROBIN, "/practitioners/" + practitioner + "/away");
            assertFalse(away.json().getBoolean("away"), away::toString);
            assertTrue(api.messages(ROBIN, conversation).stream().noneMatch(m -> m.getBoolean("automaticReply")),
                    "turning on sends no reply by itself: only a client's message is answered");
        } finally {
            assertEquals(204, api.delete(OKAFOR, "/me/out-of-office/" + id).status());
        }
    }

    static JsonObject period(LocalDateTime start, LocalDateTime end, String html) {
        return Json.createObjectBuilder().add("startsAt", start.toString()).add("endsAt", end.toString())
                .add("timeZone", "UTC").add("html", html).build();
    }
}
