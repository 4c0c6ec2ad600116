package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Announcements ("a blocked client ... will still receive announcements"): one text to
 * several clients, each copy a message of that client's thread with the practitioner, marked as an
 * announcement, live; blocked clients receive it, clients whose messaging is off or who were discharged
 * are skipped and named; one transaction, a retry sends nothing again, bad input changes nothing.
 */
@ExtendWith(PayaraServer.class)
class AnnouncementsIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    AnnouncementsIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    @Test
    void eachClientGetsItInTheirOwnThreadBlockedClientsToo() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Noor Ames");
        var talking = people.client(RIVERSIDE, "Ivy Talbot", false);
        var talkingSelf = people.portal(talking, "self", "Ivy Talbot");
        var quiet = people.client(RIVERSIDE, "Otto Quill", false);
        var quietSelf = people.portal(quiet, "self", "Otto Quill");
        var blocked = people.client(RIVERSIDE, "Bea Stroud", false);
        var blockedSelf = people.portal(blocked, "self", "Bea Stroud");
        var existing = api.start(practitioner, talking.id().toString());
        assertEquals(201, api.send(talkingSelf, existing, UUID.randomUUID().toString(), "<p>Hello</p>").status());
        assertEquals(200, api.put(practitioner, "/me/blocks/" + blocked.id()).status());
        var blockedFrom = EventStream.end(api, blockedSelf);

        var sent = announce(practitioner, UUID.randomUUID(), "<p>The office is <strong>closed</strong> on Monday.</p>",
                talking, quiet, blocked);

        assertEquals(201, sent.status(), sent::toString);
        assertEquals(3, sent.json().getInt("delivered"));
        assertEquals(0, sent.json().getInt("skipped"));
        var recipients = byClient(sent.json());
        assertEquals(existing, recipients.get(talking.id().toString()).getString("conversationId"), "the one thread per client");
        for (var reader : List.of(talkingSelf, quietSelf, blockedSelf)) {
            var conversation = api.inbox(reader).get(0);
            var message = api.messages(reader, conversation.getString("id")).get(0);
            assertAll(reader.displayName(),
                    () -> assertTrue(message.getBoolean("announcement"), message::toString),
                    () -> assertEquals("<p>The office is <strong>closed</strong> on Monday.</p>", message.getString("html")),
                    () -> assertEquals("Dr. Noor Ames", message.getJsonObject("sender").getString("displayName")),
                    () -> assertEquals(1, conversation.getInt("unreadCount")));
        }
        var blockedThread = recipients.get(blocked.id().toString()).getString("conversationId");
        assertFalse(EventStream.after(api, blockedSelf, blockedFrom, "message.created", blockedThread).isEmpty(), "pushed live");
        assertProblem(409, "client-blocked", api.send(blockedSelf, blockedThread, UUID.randomUUID().toString(), "<p>Can I reply?</p>"));
        assertEquals(1, api.messages(blockedSelf, blockedThread).size(), "the block still stops what the client writes");
        var direct = api.messages(practitioner, existing);
        assertFalse(direct.get(1).getBoolean("announcement"), "a direct message is not an announcement");
        assertEquals(3L, sql.value("""
                SELECT count(*) FROM audit_event WHERE action = 'announcement.send' AND outcome = 'success'
                   AND actor_id = ? AND client_id IS NOT NULL AND message_id IS NOT NULL""", practitioner.id()),
                "each copy is audited with its client, conversation and message");
        var id = UUID.fromString(sent.json().getString("id"));
        assertEquals(3L, sql.value("SELECT count(*) FROM message WHERE announcement_id = ? AND body IS NOT NULL", id));
        assertEquals(0L, sql.value("SELECT count(*) FROM message WHERE announcement_id = ? AND position(convert_to('closed', 'UTF8') in body) > 0", id),
                "encrypted like any message");
        var listed = api.get(practitioner, "/announcements");
        assertEquals(200, listed.status(), listed::toString);
        assertEquals(sent.json().getString("id"), listed.array().getJsonObject(0).getString("id"));
        assertEquals(3, listed.array().getJsonObject(0).getInt("delivered"));
    }

    @Test
    void clientsWhoseMessagingIsOffOrWhoWereDischargedAreSkippedAndNamed() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Rhea Lom");
        var open = people.client(RIVERSIDE, "Ned Open", false);
        var off = people.client(RIVERSIDE, "Fay Off", false);
        var gone = people.client(RIVERSIDE, "Gus Gone", false);
        assertEquals(200, api.put(PARK, "/clients/" + off.id() + "/preferences",
                Json.createObjectBuilder().add("messagingEnabled", false).build()).status());
        people.discharge(gone);

        var sent = announce(practitioner, UUID.randomUUID(), "<p>New fees from May</p>", open, off, gone);

        assertEquals(201, sent.status(), sent::toString);
        assertEquals(1, sent.json().getInt("delivered"));
        assertEquals(2, sent.json().getInt("skipped"));
        var recipients = byClient(sent.json());
        assertEquals("messaging-disabled", recipients.get(off.id().toString()).getString("skipped"));
        assertEquals("client-discharged", recipients.get(gone.id().toString()).getString("skipped"));
        assertEquals("Fay Off", recipients.get(off.id().toString()).getString("clientName"));
        assertTrue(recipients.get(off.id().toString()).isNull("messageId"));
        assertFalse(recipients.get(open.id().toString()).isNull("messageId"));
        assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE client_id IN (?, ?)", off.id(), gone.id()),
                "nothing was opened or written for them");
    }

    @Test
    void aRetrySendsNothingAgainAndAnotherSenderCannotReuseTheId() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Ugo Penn");
        var other = people.practitioner(RIVERSIDE, "Dr. Val Rook");
        var one = people.client(RIVERSIDE, "Kit Once", false);
        var two = people.client(RIVERSIDE, "Lou Twice", false);
        var id = UUID.randomUUID();

        var first = announce(practitioner, id, "<p>Reminder</p>", one, two);
        var retry = announce(practitioner, id, "<p>Reminder</p>", one, two);

        assertEquals(201, first.status(), first::toString);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.json(), retry.json(), "the retry answers what the first call did");
        assertEquals(2L, sql.value("SELECT count(*) FROM message WHERE announcement_id = ?", id), "one copy per client");
        assertProblem(409, "announcement-id-reused", announce(other, id, "<p>Mine</p>", one));
        assertEquals(2L, sql.value("SELECT count(*) FROM message WHERE announcement_id = ?", id));
    }

    @Test
    void theSendersOwnDraftArchiveAndMarksInThoseThreadsStay() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Abe Lind");
        var client = people.client(RIVERSIDE, "Cora Dale", false);
        var self = people.portal(client, "self", "Cora Dale");
        var id = api.start(practitioner, client.id().toString());
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>Question</p>").status());
        var path = "/conversations/" + id;
        assertEquals(200, api.put(practitioner, path + "/draft", Json.createObjectBuilder().add("html", "<p>My answer, half</p>").build()).status());
        assertEquals(200, api.post(practitioner, path + "/archive").status());
        assertEquals(200, api.post(self, path + "/archive").status());

        assertEquals(201, announce(practitioner, UUID.randomUUID(), "<p>Holiday hours</p>", client).status());

        assertEquals("<p>My answer, half</p>", api.get(practitioner, path + "/draft").json().getString("html"),
                "an announcement is not the reply the practitioner was writing");
        assertTrue(api.inbox(practitioner).stream().noneMatch(c -> c.getString("id").equals(id)), "still archived for the sender");
        assertFalse(api.conversation(self, id).getBoolean("archived"), "back in the client's inbox");
    }

    @Test
    void badInputAndTheWrongCallersChangeNothing() {
        var practice = people.practice();
        var practitioner = people.practitioner(practice, "Dr. Ike Moor");
        var admin = people.admin(practice, "Ada Moor");
        var client = people.client(practice, "Pia Moor", false);
        var elsewhere = people.client(RIVERSIDE, "Quin Far", false);
        var valid = List.of(client.id().toString());

        assertProblem(400, "invalid-announcement-id", post(practitioner, "not-a-uuid", "<p>x</p>", valid));
        assertProblem(400, "invalid-recipients", post(practitioner, UUID.randomUUID().toString(), "<p>x</p>", List.of()));
        assertProblem(400, "invalid-client-id", post(practitioner, UUID.randomUUID().toString(), "<p>x</p>", List.of("nope")));
        assertProblem(400, "unknown-recipient", post(practitioner, UUID.randomUUID().toString(), "<p>x</p>",
                List.of(client.id().toString(), elsewhere.id().toString())));
        assertEquals(400, post(practitioner, UUID.randomUUID().toString(), "   ", valid).status());
        var tooMany = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(501).toList();
        assertProblem(400, "too-many-recipients", post(practitioner, UUID.randomUUID().toString(), "<p>x</p>", tooMany));
        assertProblem(400, "invalid-audience", post(admin, UUID.randomUUID().toString(), "<p>x</p>", valid)); // an admin's are the practice's
        assertProblem(403, "wrong-role", post(ALEX, UUID.randomUUID().toString(), "<p>x</p>", valid));
        assertEquals(401, api.call(null, "POST", "/announcements", body(UUID.randomUUID().toString(), "<p>x</p>", valid).toString()).status());
        assertEquals(200, api.put(admin, "/admin/practice/messaging", Json.createObjectBuilder().add("enabled", false).build()).status());
        assertProblem(409, "messaging-off", post(practitioner, UUID.randomUUID().toString(), "<p>x</p>", valid));

        assertEquals(0L, sql.value("SELECT count(*) FROM announcement WHERE sender_id = ?", practitioner.id()));
        assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE practitioner_id = ?", practitioner.id()));
        assertEquals(403, api.get(ALEX, "/announcements").status(), "only practitioners and admins send and list announcements");
    }

    /**
     * A scheduled announcement waits, is listed as scheduled, is refused to anyone else, may be cancelled before it
     * starts (nothing is sent) and not changed after; schedules and audiences that cannot be queued change nothing.
     */
    @Test
    void aScheduledAnnouncementWaitsAndCanBeCancelledAndBadSchedulesQueueNothing() {
        var practice = people.practice();
        var practitioner = people.practitioner(practice, "Dr. Una Vale");
        var other = people.practitioner(practice, "Dr. Otto Vale");
        var client = people.client(practice, "Rae Vale", false);
        var valid = List.of(client.id().toString());
        var tomorrow = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(1).withNano(0).toString();

        assertProblem(400, "invalid-audience", api.post(practitioner, "/announcements", with(body(UUID.randomUUID().toString(), "<p>x</p>", valid),
                "audience", "everyone")));
        assertProblem(400, "invalid-recipients", api.post(practitioner, "/announcements", with(body(UUID.randomUUID().toString(), "<p>x</p>",
                List.of()), "audience", "my-clients")));
        assertProblem(400, "send-at-in-past", api.post(practitioner, "/announcements", schedule(valid, "2020-01-06T09:00", "Europe/Berlin")));
        assertProblem(400, "invalid-send-at", api.post(practitioner, "/announcements", schedule(valid, "Monday at nine", "Europe/Berlin")));
        assertProblem(400, "invalid-time-zone", api.post(practitioner, "/announcements", schedule(valid, tomorrow, "Mars/Olympus")));
        assertEquals(0L, sql.value("SELECT count(*) FROM announcement WHERE sender_id = ?", practitioner.id()), "nothing queued");

        var queued = api.post(practitioner, "/announcements", schedule(valid, tomorrow, "Europe/Berlin"));
        assertEquals(201, queued.status(), queued::toString);
        var id = queued.json().getString("id");
        assertEquals("scheduled", queued.json().getString("state"));
        assertEquals(1, queued.json().getInt("pending"));
        assertEquals("Europe/Berlin", queued.json().getString("timeZone"));
        assertEquals("scheduled", api.get(practitioner, "/announcements").array().getJsonObject(0).getString("state"));
        assertEquals(404, api.get(other, "/announcements/" + id).status(), "another sender's announcement is not found");
        assertEquals(404, api.post(other, "/announcements/" + id + "/cancel").status());
        assertEquals(404, api.put(other, "/announcements/" + id, schedule(valid, tomorrow, "Europe/Berlin")).status());
        assertProblem(400, "send-at-in-past", api.put(practitioner, "/announcements/" + id, schedule(valid, "2020-01-06T09:00", "Europe/Berlin")));

        var cancelled = api.post(practitioner, "/announcements/" + id + "/cancel");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.json().getString("state"));
        assertProblem(409, "announcement-over", api.post(practitioner, "/announcements/" + id + "/cancel"));
        assertProblem(409, "announcement-over", api.put(practitioner, "/announcements/" + id, schedule(valid, tomorrow, "Europe/Berlin")));
        assertEquals(0L, sql.value("SELECT count(*) FROM message WHERE announcement_id = ?", UUID.fromString(id)), "nothing was sent");
        assertEquals(0L, sql.value("SELECT count(*) FROM announcement WHERE id = ? AND body IS NOT NULL", UUID.fromString(id)),
                "the text of a cancelled announcement is not kept");
    }

    static JsonObject schedule(List<String> clientIds, String sendAt, String zone) {
        return with(with(body(UUID.randomUUID().toString(), "<p>The office is closed on Monday.</p>", clientIds), "sendAt", sendAt),
                "timeZone", zone);
    }

    static JsonObject with(JsonObject body, String name, String value) {
        return Json.createObjectBuilder(body).add(name, value).build();
    }

    Api.Reply announce(Caller as, UUID id, String html, SeededPeople.Client... clients) {
        return post(as, id.toString(), html, List.of(clients).stream().map(c -> c.id().toString()).toList());
    }

    Api.Reply post(Caller as, String id, String html, List<String> clientIds) {
        return api.post(as, "/announcements", body(id, html, clientIds));
    }

    static JsonObject body(String id, String html, List<String> clientIds) {
        var ids = Json.createArrayBuilder();
        clientIds.forEach(ids::add);
        return Json.createObjectBuilder().add("announcementId", id).add("html", html).add("clientIds", ids).build();
    }

    static Map<String, JsonObject> byClient(JsonObject view) {
        return view.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("clientId"), Function.identity()));
    }
}
