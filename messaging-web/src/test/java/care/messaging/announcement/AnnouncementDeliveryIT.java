package care.messaging.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.testing.PrivatePostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Announcements as background jobs on two Payara Micro nodes against one database (a PostgreSQL cluster of this
 * class's own), Dr. Rivera with 5,000 more clients than the demo practice has: a cancel stops the rest; a node killed
 * (kill -9) in the middle of a 5,000-recipient announcement leaves the other node to finish it and every recipient
 * has exactly one copy; a scheduled one waits for its time, may be changed before, and starts on its own; one whose
 * start passed while every node was down starts when the first node is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnouncementDeliveryIT {

    static final int BULK = 5_000;

    @RegisterExtension
    static final PrivatePostgres postgres = new PrivatePostgres("announcements");

    static List<String> properties;
    static String database;
    static MicroNode a;
    static MicroNode b;
    static String rivera;
    static String cancelled;
    static long cancelledCopies;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = "messaging_announcements";
        postgres.admin("CREATE DATABASE " + database);
        properties = Cluster.nodeOptions("announcements", List.of("-Dmessaging.announcement.sweep-seconds=2",
                "-Dmessaging.announcement.batch-size=100", "-Dmessaging.announcement.pause-millis=20"));
        a = MicroNode.start("ann-a", properties, postgres.environment(database), List.of());
        a.awaitReady(Duration.ofMinutes(4));
        b = MicroNode.start("ann-b", properties, postgres.environment(database), List.of());
        b.awaitReady(Duration.ofMinutes(4));
        sql("INSERT INTO client (id, practice_id, display_name) SELECT gen_random_uuid(), id, 'Bulk client ' || g"
                + " FROM practice, generate_series(1, " + BULK + ") g WHERE name = 'Riverside Therapy'");
        sql("INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at, kind)"
                + " SELECT gen_random_uuid(), c.practice_id, a.id, c.id, now(), now(), 'client' FROM client c"
                + " JOIN account a ON a.username = 'dr.rivera' WHERE c.display_name LIKE 'Bulk client %'");
        rivera = a.login("dr.rivera");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (var node : new MicroNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void aCancelStopsTheRestAndWhatWasDeliveredStays() throws Exception {
        var sent = post(a, announcement("<p>Office closed on Monday.</p>"));
        assertEquals(201, sent.getInt("status"), sent::toString);
        var id = sent.getJsonObject("body").getString("id");
        var reply = a.call(rivera, "POST", "/messaging/api/announcements/" + id + "/cancel", null, Duration.ofSeconds(60));
        assertEquals(200, reply.statusCode(), reply.body());
        var view = MicroNode.json(reply);
        assertEquals("cancelled", view.getString("state"));
        assertTrue(view.getInt("pending") > 0, () -> "cancelled before the end: " + view);
        cancelled = id;
        cancelledCopies = copies(id);
        assertEquals(view.getInt("delivered"), cancelledCopies, "what the cancel answered is what was delivered: no batch commits after it");
        assertEquals(0, count("SELECT count(*) FROM announcement WHERE id = '" + id + "' AND body IS NOT NULL"), "the text is erased");
        var again = a.call(rivera, "POST", "/messaging/api/announcements/" + id + "/cancel", null, Duration.ofSeconds(60));
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("announcement-over"), again.body());
    }

    @Test
    @Order(2)
    void aNodeKilledInTheMiddleOfAFiveThousandRecipientAnnouncementLeavesEveryRecipientExactlyOneCopy() throws Exception {
        var from = cursorNow(b, rivera);
        var sent = post(a, announcement("<p>Our phone number changes on 1 January.</p>"));
        assertEquals(201, sent.getInt("status"), sent::toString);
        var id = sent.getJsonObject("body").getString("id");
        var total = sent.getJsonObject("body").getInt("total");
        assertTrue(total > BULK, "every client with a thread: " + total);
        var midway = await(b, id, view -> view.getInt("delivered") >= 1_000, Duration.ofMinutes(5));
        a.kill();
        a = null;
        var atKill = copies(id);
        assertTrue(atKill < total, () -> "killed in the middle: " + atKill + " of " + total + " " + midway);

        var done = await(b, id, view -> "done".equals(view.getString("state")), Duration.ofMinutes(10));
        assertEquals(0, done.getInt("pending"), done::toString);
        assertEquals(total, done.getInt("delivered") + done.getInt("skipped"), done::toString);
        assertEquals(done.getInt("delivered"), copies(id), "one message per delivered recipient");
        assertEquals(copies(id), count("SELECT count(DISTINCT conversation_id) FROM message WHERE announcement_id = '" + id + "'"),
                "no thread got two copies");
        assertEquals(0, count("SELECT count(*) FROM announcement_recipient r WHERE announcement_id = '" + id + "' AND message_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM message m WHERE m.id = r.message_id AND m.announcement_id = r.announcement_id)"));

        var progress = events(b, rivera, from).stream().filter(e -> "announcement.progress".equals(e.getString("type")))
                .map(e -> e.getJsonObject("facts")).filter(f -> id.equals(f.getString("announcementId"))).toList();
        assertTrue(progress.stream().anyMatch(f -> "running".equals(f.getString("state")) && f.getInt("delivered") < total), progress::toString);
        assertEquals("done", progress.get(progress.size() - 1).getString("state"), "the last word is done");
        a = MicroNode.start("ann-a", properties, postgres.environment(database), List.of());
        a.awaitReady(Duration.ofMinutes(4));
    }

    @Test
    @Order(3)
    void aScheduledAnnouncementMayBeChangedBeforeItStartsAndStartsOnItsOwn() throws Exception {
        var alex = clientOf("alex.morgan");
        var start = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        var sent = post(a, scheduled("<p>First wording.</p>", List.of(alex), start));
        assertEquals(201, sent.getInt("status"), sent::toString);
        var view = sent.getJsonObject("body");
        assertEquals("scheduled", view.getString("state"), view::toString);
        assertEquals(1, view.getInt("pending"));
        var id = view.getString("id");
        var later = start.plusSeconds(4);
        var edit = a.call(rivera, "PUT", "/messaging/api/announcements/" + id, scheduled("<p>Second wording.</p>", List.of(alex), later)
                .toString(), Duration.ofSeconds(60));
        assertEquals(200, edit.statusCode(), edit.body());
        assertEquals(later, java.time.OffsetDateTime.parse(MicroNode.json(edit).getString("startsAt")).toInstant());

        var done = await(b, id, v -> "done".equals(v.getString("state")), Duration.ofMinutes(2));
        assertEquals(1, done.getInt("delivered"), done::toString);
        assertEquals(1, count("SELECT count(*) FROM message WHERE announcement_id = '" + id + "' AND sent_at >= '" + later + "'"),
                "sent at the changed time, not before");
        var portal = b.login("alex.morgan");
        var thread = done.getJsonArray("recipients").getJsonObject(0).getString("conversationId");
        var listed = b.call(portal, "GET", "/messaging/api/conversations/" + thread + "/messages?limit=5", null, Duration.ofSeconds(30));
        assertEquals(200, listed.statusCode(), listed.body());
        var messages = Json.createReader(new java.io.StringReader(listed.body())).readArray();
        assertTrue(messages.toString().contains("Second wording."), messages::toString);
        var tooLate = a.call(rivera, "PUT", "/messaging/api/announcements/" + id, scheduled("<p>Third.</p>", List.of(alex),
                Instant.now().plusSeconds(60)).toString(), Duration.ofSeconds(60));
        assertEquals(409, tooLate.statusCode(), tooLate.body());
        assertTrue(tooLate.body().contains("announcement-over"), "a delivered announcement is over, not merely started: " + tooLate.body());
        assertEquals(cancelledCopies, copies(cancelled), "the timers ran through two announcements and left the cancelled one as it was");
    }

    @Test
    @Order(4)
    void aScheduledStartThatPassedWhileEveryNodeWasDownIsTakenUpAtStartUp() throws Exception {
        var start = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        var sent = post(a, scheduled("<p>Reminder: fees change next month.</p>", List.of(clientOf("alex.morgan")), start));
        assertEquals(201, sent.getInt("status"), sent::toString);
        var id = sent.getJsonObject("body").getString("id");
        a.kill();
        b.kill();
        a = null;
        b = null;
        while (Instant.now().isBefore(start.plusSeconds(1))) {
            TimeUnit.MILLISECONDS.sleep(200); // waiting for the moment to pass while no node runs, not for an outcome
        }
        assertEquals(0, copies(id), "nobody started it meanwhile");
        a = MicroNode.start("ann-a", properties, postgres.environment(database), List.of());
        a.awaitReady(Duration.ofMinutes(4));
        var done = await(a, id, v -> "done".equals(v.getString("state")), Duration.ofMinutes(2));
        assertEquals(1, done.getInt("delivered"), done::toString);
    }

    static String announcement(String html) {
        return Json.createObjectBuilder().add("announcementId", UUID.randomUUID().toString()).add("html", html)
                .add("audience", "my-clients").build().toString();
    }

    static String scheduled(String html, List<String> clients, Instant start) {
        var ids = Json.createArrayBuilder();
        clients.forEach(ids::add);
        return Json.createObjectBuilder().add("announcementId", UUID.randomUUID().toString()).add("html", html).add("clientIds", ids)
                .add("sendAt", LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString()).add("timeZone", "UTC").build().toString();
    }

    /** The POST's status and body, as one object. */
    static JsonObject post(MicroNode node, String body) throws Exception {
        var reply = node.call(rivera, "POST", "/messaging/api/announcements", body, Duration.ofSeconds(120));
        var builder = Json.createObjectBuilder().add("status", reply.statusCode());
        if (reply.statusCode() < 300) {
            builder.add("body", MicroNode.json(reply));
        } else {
            builder.add("problem", reply.body());
        }
        return builder.build();
    }

    /** Polls the announcement on a node until the condition holds, within the deadline; answers the view that met it. */
    static JsonObject await(MicroNode node, String id, Predicate<JsonObject> condition, Duration within) throws Exception {
        var deadline = System.nanoTime() + within.toNanos();
        JsonObject view = null;
        while (System.nanoTime() < deadline) {
            var reply = node.call(rivera, "GET", "/messaging/api/announcements/" + id, null, Duration.ofSeconds(60));
            assertEquals(200, reply.statusCode(), reply.body());
            view = MicroNode.json(reply);
            if (condition.test(view)) {
                return view;
            }
            TimeUnit.MILLISECONDS.sleep(250); // polling for an outcome, with a deadline
        }
        throw new AssertionError("not within " + within + ": " + view);
    }

    static String clientOf(String username) throws Exception {
        try (var c = postgres.connect(database); var s = c.createStatement(); var rows = s.executeQuery(
                "SELECT ca.client_id::text FROM client_account ca JOIN account a ON a.id = ca.account_id WHERE a.username = '" + username + "'")) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    static long copies(String id) throws Exception {
        return count("SELECT count(*) FROM message WHERE announcement_id = '" + id + "'");
    }

    static long cursorNow(MicroNode node, String token) throws Exception {
        long cursor = 0;
        while (true) {
            var page = page(node, token, cursor);
            if (page.getJsonArray("events").isEmpty()) {
                return page.getJsonNumber("cursor").longValue();
            }
            cursor = page.getJsonNumber("cursor").longValue();
        }
    }

    static List<JsonObject> events(MicroNode node, String token, long from) throws Exception {
        var events = new java.util.ArrayList<JsonObject>();
        var cursor = from;
        while (true) {
            var page = page(node, token, cursor);
            var batch = page.getJsonArray("events").getValuesAs(JsonObject.class);
            if (batch.isEmpty()) {
                return events;
            }
            events.addAll(batch);
            cursor = page.getJsonNumber("cursor").longValue();
        }
    }

    static JsonObject page(MicroNode node, String token, long after) throws Exception {
        var reply = node.call(token, "GET", "/messaging/api/events?after=" + after + "&wait=0", null, Duration.ofSeconds(30));
        assertEquals(200, reply.statusCode(), reply.body());
        return MicroNode.json(reply);
    }

    static void sql(String statement) throws Exception {
        try (var c = postgres.connect(database); var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    static long count(String query) throws Exception {
        try (var c = postgres.connect(database); var s = c.createStatement(); var rows = s.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }
}
