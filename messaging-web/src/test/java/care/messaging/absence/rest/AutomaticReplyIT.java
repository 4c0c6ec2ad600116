package care.messaging.absence.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The automatic reply in the send path, on Payara Micro with real PostgreSQL: a client who writes while their
 * practitioner is away gets the period's reply once per thread, however many messages they send at once and
 * however often one is retried; never for the practitioner's own messages or announcements, never outside the
 * period, for colleagues only when the period says so. The reply is committed with the message that asked for
 * it, so the answer of the send is the moment to look: no waiting is needed to see that nothing more came.
 * Lakeside's Dr. Okafor and Robin Hale are used, whom few other tests touch; every period is removed after.
 */
@ExtendWith(WebApp.class)
class AutomaticReplyIT {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Test
    void concurrentSendsAndRetriesGetExactlyOneAutomaticReply(WebApp app) throws Exception {
        var okafor = app.token("dr.okafor");
        var robin = app.token("robin.hale");
        try {
            OutOfOfficeIT.clear(app);
            var conversation = app.conversationWith(robin, "Dr. Ngozi Okafor");
            var unreadBefore = unread(app, okafor, conversation);
            var repliesBefore = app.sql("SELECT count(*) FROM message WHERE automatic_reply AND conversation_id = ?::uuid", conversation);
            var robinCursor = cursor(app, robin);
            var okaforCursor = cursor(app, okafor);
            var word = letters();
            var period = MicroNode.json(app.call(okafor, "POST", "me/out-of-office",
                    OutOfOfficeIT.body(wall(-1), wall(48), ZONE.getId(), "<p>I am away until Monday " + word + ".</p>", null)));
            assertTrue(period.getBoolean("active"));

            // Eight messages at once, and a ninth sent twice at once (a retry racing its original).
            var start = new CountDownLatch(1);
            var retried = UUID.randomUUID().toString();
            var sends = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                var id = UUID.randomUUID().toString();
                sends.add(() -> send(app, robin, conversation, id, start));
            }
            sends.add(() -> send(app, robin, conversation, retried, start));
            sends.add(() -> send(app, robin, conversation, retried, start));
            var pool = Executors.newFixedThreadPool(sends.size());
            try {
                var futures = sends.stream().map(pool::submit).toList();
                start.countDown();
                for (var future : futures) {
                    var status = future.get(60, TimeUnit.SECONDS);
                    assertTrue(status == 201 || status == 200, "sent: " + status);
                }
            } finally {
                pool.shutdownNow();
            }

            var replies = app.messagesContaining(robin, conversation, word);
            assertEquals(1, replies.size(), "one reply for nine messages: " + replies);
            var reply = replies.get(0);
            assertAll(() -> assertTrue(reply.getBoolean("automaticReply"), "labelled"),
                    () -> assertEquals("Dr. Ngozi Okafor", reply.getJsonObject("sender").getString("displayName")),
                    () -> assertEquals(1, app.sql("SELECT count(*) FROM absence_reply WHERE absence_id = ?::uuid", period.getString("id"))),
                    () -> assertEquals(repliesBefore + 1, app.sql("SELECT count(*) FROM message WHERE automatic_reply AND conversation_id = ?::uuid",
                            conversation), "one more automatic reply in the thread (earlier tests' periods may have left theirs)"),
                    () -> assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'message.auto-reply' AND message_id = ?::uuid",
                            reply.getString("id"))));
            assertEquals(reply, app.messagesContaining(okafor, conversation, word).get(0), "the practitioner sees it labelled too");
            assertEquals(unreadBefore + 9, unread(app, okafor, conversation),
                    "the client's nine messages are unread for the practitioner; the reply, theirs, neither counts nor reads them");
            var created = events(app, robin, robinCursor).stream()
                    .filter(e -> "message.created".equals(e.getString("type")) && reply.getString("id").equals(e.getString("messageId"))).toList();
            assertEquals(1, created.size(), "the client's app hears of the reply");
            assertEquals(1, events(app, okafor, okaforCursor).stream()
                    .filter(e -> "message.created".equals(e.getString("type")) && reply.getString("id").equals(e.getString("messageId"))).count());

            // The practitioner's own message and an announcement get none; the client's next message neither: once per period.
            app.send(okafor, conversation, "<p>Quick note from the road.</p>");
            assertEquals(201, app.call(okafor, "POST", "announcements", Json.createObjectBuilder()
                    .add("announcementId", UUID.randomUUID().toString()).add("html", "<p>Office closed Friday.</p>")
                    .add("clientIds", Json.createArrayBuilder().add(clientId(app, conversation))).build().toString()).statusCode());
            app.send(robin, conversation, "<p>One more thing.</p>");
            assertEquals(1, app.messagesContaining(robin, conversation, word).size());

            // A new period is a new "once": the next message is answered again.
            app.call(okafor, "DELETE", "me/out-of-office/" + period.getString("id"), null);
            app.send(robin, conversation, "<p>No reply now: nobody is away.</p>");
            assertEquals(1, app.messagesContaining(robin, conversation, word).size(), "outside any period, no reply");
            var again = MicroNode.json(app.call(okafor, "POST", "me/out-of-office",
                    OutOfOfficeIT.body(wall(-1), null, ZONE.getId(), "<p>Still away " + word + ".</p>", null)));
            app.send(robin, conversation, "<p>Are you back?</p>");
            assertEquals(2, app.messagesContaining(robin, conversation, word).size(), "the new period answers once: " + again);
        } finally {
            OutOfOfficeIT.clear(app);
        }
    }

    @Test
    void aPlannedPeriodAnswersNothingAndColleaguesGetTheReplyOnlyWhenThePeriodSaysSo(WebApp app) {
        var rivera = app.token("dr.rivera");
        var chen = app.token("dr.chen");
        var robin = app.token("robin.hale");
        var okafor = app.token("dr.okafor");
        try {
            OutOfOfficeIT.clear(app);
            var word = letters();
            var withRobin = app.conversationWith(robin, "Dr. Ngozi Okafor");
            app.call(okafor, "POST", "me/out-of-office", OutOfOfficeIT.body(wall(24), wall(48), ZONE.getId(), "<p>Planned " + word + "</p>", null));
            app.send(robin, withRobin, "<p>Before the period.</p>");
            assertEquals(0, app.messagesContaining(robin, withRobin, word).size(), "a period still to come answers nothing");

            var chenId = OutOfOfficeIT.memberId(app, app.token("admin.park"), "Dr. Wei Chen");
            var colleague = app.json(rivera, "POST", "conversations",
                    Json.createObjectBuilder().add("practitionerId", chenId).build().toString()).getString("id");
            var clientsOnly = MicroNode.json(app.call(chen, "POST", "me/out-of-office",
                    OutOfOfficeIT.body(wall(-1), wall(2), ZONE.getId(), "<p>Clients only " + word + "</p>", null)));
            app.send(rivera, colleague, "<p>Can you cover Tuesday?</p>");
            assertEquals(0, app.messagesContaining(rivera, colleague, word).size(), "colleagues are not answered by default");

            app.json(chen, "PUT", "me/out-of-office/" + clientsOnly.getString("id"),
                    OutOfOfficeIT.body(wall(-1), wall(2), ZONE.getId(), "<p>Colleagues too " + word + "</p>", true));
            app.send(rivera, colleague, "<p>Or Wednesday?</p>");
            var replies = app.messagesContaining(rivera, colleague, word);
            assertEquals(1, replies.size());
            assertEquals("Dr. Wei Chen", replies.get(0).getJsonObject("sender").getString("displayName"));
            assertTrue(replies.get(0).getBoolean("automaticReply"));
            app.send(chen, colleague, "<p>Answering myself while away.</p>");
            app.send(rivera, colleague, "<p>Thanks!</p>");
            assertEquals(1, app.messagesContaining(rivera, colleague, word).size(), "once per thread and period");
            assertFalse(app.messagesContaining(chen, colleague, "Thanks!").get(0).getBoolean("automaticReply"));
        } finally {
            OutOfOfficeIT.clear(app);
        }
    }

    /**
     * A member the admin switched off sends nothing, automatic replies included: the client's message still
     * arrives (the practice reassigns or re-enables), but no reply goes out in the name of an account that is
     * off; switched on again, the same period answers.
     */
    @Test
    void aSwitchedOffPractitionersPeriodSendsNoAutomaticReply(WebApp app) {
        var robin = app.token("robin.hale");
        var okafor = app.token("dr.okafor");
        // Lakeside has no admin in the demo data: the switch an admin's "Disable" sets (account.enabled) is set directly.
        var switchOff = "UPDATE account SET enabled = ? WHERE username = 'dr.okafor'";
        try {
            OutOfOfficeIT.clear(app);
            var word = letters();
            var conversation = app.conversationWith(robin, "Dr. Ngozi Okafor");
            app.call(okafor, "POST", "me/out-of-office", OutOfOfficeIT.body(wall(-1), wall(48), ZONE.getId(), "<p>Away " + word + "</p>", null));
            assertEquals(1, app.sql(switchOff, false));

            app.send(robin, conversation, "<p>Hello while you are switched off.</p>");
            assertEquals(0, app.messagesContaining(robin, conversation, word).size(), "no reply in the name of a switched-off account");

            assertEquals(1, app.sql(switchOff, true));
            app.send(robin, conversation, "<p>Hello again.</p>");
            assertEquals(1, app.messagesContaining(robin, conversation, word).size(), "switched on, the period answers");
        } finally {
            app.sql(switchOff, true);
            OutOfOfficeIT.clear(app);
        }
    }

    static int send(WebApp app, String token, String conversation, String clientMessageId, CountDownLatch start) throws Exception {
        start.await();
        var body = Json.createObjectBuilder().add("clientMessageId", clientMessageId).add("html", "<p>Hello, are you there?</p>").build();
        return app.call(token, "POST", "conversations/" + conversation + "/messages", body.toString()).statusCode();
    }

    static String wall(int hours) {
        return LocalDateTime.now(ZONE).plusHours(hours).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static long unread(WebApp app, String token, String conversation) {
        return app.json(token, "GET", "conversations/" + conversation, null).getJsonNumber("unreadCount").longValue();
    }

    static long cursor(WebApp app, String token) {
        return app.json(token, "GET", "events/cursor", null).getJsonNumber("cursor").longValue();
    }

    static List<JsonObject> events(WebApp app, String token, long after) {
        return app.json(token, "GET", "events?after=" + after, null).getJsonArray("events").getValuesAs(JsonObject.class);
    }

    static String clientId(WebApp app, String conversation) {
        try (var c = java.sql.DriverManager.getConnection(app.jdbcUrl(), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.prepareStatement("SELECT client_id::text FROM conversation WHERE id = ?::uuid")) {
            s.setString(1, conversation);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random word of letters only (see traps.md), to find the replies by their text. */
    static String letters() {
        var chars = new StringBuilder();
        var random = new java.security.SecureRandom();
        for (int i = 0; i < 10; i++) {
            chars.append((char) ('a' + random.nextInt(26)));
        }
        return chars.toString();
    }
}
