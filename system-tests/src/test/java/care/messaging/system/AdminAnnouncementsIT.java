package care.messaging.system;

import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin announces on behalf of the practice (issue 19): to every client of the practice, or to the clients of
 * chosen practitioners. Each client gets one copy, in a thread they have with a practitioner of the practice (an
 * enabled one first, then the most recently active), labelled with the practice as its sender in both apps; blocked
 * clients receive it, those switched off or discharged are skipped as the preview said; each copy is audited with
 * the admin as actor ({@code announcement.send-for-practice}). Audiences the caller may not address, and bad input,
 * queue nothing.
 */
@ExtendWith(PayaraServer.class)
class AdminAnnouncementsIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    AdminAnnouncementsIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    @Test
    void theWholePracticeGetsOneCopyEachInAThreadTheyHaveLabelledWithThePracticeAndAuditedAsTheAdmins() {
        var practice = people.practice();
        var admin = people.admin(practice, "Ada Whole");
        var ames = people.practitioner(practice, "Dr. Ames Whole");
        var berg = people.practitioner(practice, "Dr. Berg Whole");
        var one = people.client(practice, "Cy One", false);
        var oneSelf = people.portal(one, "self", "Cy One");
        var both = people.client(practice, "Di Both", false);
        var bothSelf = people.portal(both, "self", "Di Both");
        var blocked = people.client(practice, "Ed Blocked", false);
        var off = people.client(practice, "Flo Off", false);
        var gone = people.client(practice, "Gil Gone", false);
        var threadless = people.client(practice, "Hy None", false);
        var withOne = api.start(ames, one.id().toString());
        var bothWithAmes = api.start(ames, both.id().toString());
        var bothWithBerg = api.start(berg, both.id().toString());
        sql.update("UPDATE conversation SET last_activity_at = now() - interval '1 day' WHERE id = ?::uuid", bothWithAmes);
        api.start(berg, blocked.id().toString());
        assertEquals(200, api.put(berg, "/me/blocks/" + blocked.id()).status());
        api.start(ames, off.id().toString());
        assertEquals(200, api.put(admin, "/clients/" + off.id() + "/preferences",
                Json.createObjectBuilder().add("messagingEnabled", false).build()).status());
        api.start(ames, gone.id().toString());
        people.discharge(gone);

        var preview = api.post(admin, "/announcements/preview", Json.createObjectBuilder().add("audience", "practice").build());
        assertEquals(200, preview.status(), preview::toString);
        assertEquals(AnnouncementPreviewIT.json(5, 3, 1, 0, 1), preview.json(),
                "every client with a thread, once; the blocked one receives it, the switched-off and discharged ones do not");

        var sent = api.post(admin, "/announcements", Json.createObjectBuilder().add("announcementId", UUID.randomUUID().toString())
                .add("audience", "practice").add("html", "<p>The practice moves on 1 June.</p>").build());

        assertEquals(201, sent.status(), sent::toString);
        assertEquals(3, sent.json().getInt("delivered"), sent::toString);
        assertEquals(2, sent.json().getInt("skipped"));
        var recipients = byClient(sent.json());
        assertEquals(withOne, recipients.get(one.id().toString()).getString("conversationId"));
        assertEquals(bothWithBerg, recipients.get(both.id().toString()).getString("conversationId"),
                "a client with two practitioners gets it once, in the thread most recently active");
        assertEquals("messaging-disabled", recipients.get(off.id().toString()).getString("skipped"));
        assertEquals("client-discharged", recipients.get(gone.id().toString()).getString("skipped"));
        assertTrue(!recipients.containsKey(threadless.id().toString()), "a client with no thread is not in the audience");
        assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE client_id = ?", threadless.id()), "no thread opened");

        var id = UUID.fromString(sent.json().getString("id"));
        for (var reader : List.of(oneSelf, bothSelf)) {
            var copy = api.messages(reader, api.inbox(reader).get(0).getString("id")).get(0);
            assertAll(reader.displayName(),
                    () -> assertTrue(copy.getBoolean("announcement"), copy::toString),
                    () -> assertTrue(copy.getBoolean("fromPractice"), copy::toString),
                    () -> assertEquals(practice, copy.getJsonObject("sender").getString("displayName"), "the practice as sender"),
                    () -> assertEquals("<p>The practice moves on 1 June.</p>", copy.getString("html")));
        }
        var inAmesThread = api.messages(ames, withOne).get(0);
        assertTrue(inAmesThread.getBoolean("fromPractice"), inAmesThread::toString);
        assertEquals(practice, inAmesThread.getJsonObject("sender").getString("displayName"));
        assertEquals(0, api.messages(ames, bothWithAmes).size(), "not in the other thread too");
        assertEquals(1L, sql.value("SELECT count(*) FROM message WHERE announcement_id = ? AND conversation_id = ?::uuid", id, bothWithBerg));

        assertEquals(3L, sql.value("""
                SELECT count(*) FROM audit_event WHERE action = 'announcement.send-for-practice' AND outcome = 'success'
                   AND actor_id = ? AND actor_role = 'admin' AND practice_id = (SELECT practice_id FROM account WHERE id = ?)
                   AND client_id IS NOT NULL AND conversation_id IS NOT NULL AND message_id IS NOT NULL""", admin.id(), admin.id()),
                "each copy audited with the admin as actor, in the practice's chain");
        assertEquals(0L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'announcement.send' AND actor_id IN (?, ?)",
                ames.id(), berg.id()), "the practitioners did not send it");
        var listed = api.get(admin, "/announcements");
        assertEquals(200, listed.status(), listed::toString);
        assertEquals(id.toString(), listed.array().getJsonObject(0).getString("id"), "the admin follows their announcements");
    }

    @Test
    void theClientsOfChosenPractitionersGetItInTheirThreadWithThatPractitioner() {
        var practice = people.practice();
        var admin = people.admin(practice, "Ada Chosen");
        var ames = people.practitioner(practice, "Dr. Ames Chosen");
        var berg = people.practitioner(practice, "Dr. Berg Chosen");
        var cole = people.practitioner(practice, "Dr. Cole Chosen");
        var amesOnly = people.client(practice, "Ida Chosen", false);
        var shared = people.client(practice, "Jan Chosen", false);
        var bergOnly = people.client(practice, "Kim Chosen", false);
        var coleOnly = people.client(practice, "Lu Chosen", false);
        api.start(ames, amesOnly.id().toString());
        var sharedWithAmes = api.start(ames, shared.id().toString());
        var sharedWithBerg = api.start(berg, shared.id().toString());
        api.start(berg, bergOnly.id().toString());
        api.start(cole, coleOnly.id().toString());
        sql.update("UPDATE conversation SET last_activity_at = now() - interval '1 day' WHERE id = ?::uuid", sharedWithBerg);
        var chosen = Json.createObjectBuilder().add("audience", "practitioners")
                .add("practitionerIds", Json.createArrayBuilder().add(berg.id().toString()).add(cole.id().toString())).build();

        var preview = api.post(admin, "/announcements/preview", chosen);
        assertEquals(200, preview.status(), preview::toString);
        assertEquals(AnnouncementPreviewIT.json(3, 3, 0, 0, 0), preview.json(), "Berg's and Cole's clients, not Ames's alone");

        var sent = api.post(admin, "/announcements", Json.createObjectBuilder(chosen)
                .add("announcementId", UUID.randomUUID().toString()).add("html", "<p>Group sessions start again.</p>").build());

        assertEquals(201, sent.status(), sent::toString);
        var recipients = byClient(sent.json());
        assertEquals(Map.of(shared.id().toString(), sharedWithBerg), Map.of(shared.id().toString(),
                recipients.get(shared.id().toString()).getString("conversationId")),
                "through a chosen practitioner's thread, even when another's is more recent");
        assertEquals(3, sent.json().getInt("delivered"));
        assertTrue(!recipients.containsKey(amesOnly.id().toString()));
        assertEquals(0, api.messages(ames, sharedWithAmes).size());
    }

    @Test
    void aLargeAnnouncementForThePracticeIsDeliveredInBatchesToTheThreadsChosenWhenItWasQueued() {
        var practice = people.practice();
        var admin = people.admin(practice, "Ada Many");
        var ames = people.practitioner(practice, "Dr. Ames Many");
        var practiceId = sql.value("SELECT practice_id FROM account WHERE id = ?", ames.id());
        var clients = 150; // more than one batch (messaging.announcement.batch-size, 100): the rest by the timers
        sql.update("""
                WITH made AS (INSERT INTO client (id, practice_id, display_name, minor)
                              SELECT gen_random_uuid(), ?, 'Many ' || n, false FROM generate_series(1, ?) n RETURNING id)
                INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at, kind)
                SELECT gen_random_uuid(), ?, ?, id, now(), now(), 'client' FROM made""", practiceId, clients, practiceId, ames.id());

        var sent = api.post(admin, "/announcements", Json.createObjectBuilder().add("announcementId", UUID.randomUUID().toString())
                .add("audience", "practice").add("html", "<p>Closed for the holiday.</p>").build());

        assertEquals(201, sent.status(), sent::toString);
        assertEquals(clients, sent.json().getInt("total"));
        var id = sent.json().getString("id");
        var deadline = Instant.now().plus(Duration.ofMinutes(2));
        var view = sent.json();
        while (!"done".equals(view.getString("state")) && Instant.now().isBefore(deadline)) {
            pause(); // waiting for the later event (done), not proving that something did not happen
            view = api.get(admin, "/announcements/" + id).json();
        }
        assertEquals("done", view.getString("state"), view::toString);
        assertEquals(clients, view.getInt("delivered"));
        assertEquals((long) clients, sql.value("""
                SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id
                 WHERE m.announcement_id = ?::uuid AND m.for_practice AND c.practitioner_id = ? AND m.sender_id = ?""",
                id, ames.id(), admin.id()), "every copy, across batches, in the thread its recipient row named, by the admin");
    }

    @Test
    void audiencesTheCallerMayNotAddressAndBadInputQueueNothing() {
        var practice = people.practice();
        var admin = people.admin(practice, "Ada Bad");
        var ames = people.practitioner(practice, "Dr. Ames Bad");
        var client = people.client(practice, "Mo Bad", false);
        var elsewhere = people.practitioner(RIVERSIDE, "Dr. Far Bad");
        var emptyPractice = people.practice();
        var idleAdmin = people.admin(emptyPractice, "Ada Idle");
        api.start(ames, client.id().toString());
        var yesterday = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(1).withNano(0).toString();

        for (var path : List.of("/announcements", "/announcements/preview")) {
            assertAll(path,
                    () -> assertProblem(400, "invalid-recipients", post(admin, path, practitioners(List.of()))),
                    () -> assertProblem(400, "invalid-practitioner-id", post(admin, path, practitioners(List.of("nope")))),
                    () -> assertProblem(400, "unknown-practitioner", post(admin, path,
                            practitioners(List.of(ames.id().toString(), elsewhere.id().toString())))),
                    () -> assertProblem(400, "unknown-practitioner", post(admin, path, practitioners(List.of(admin.id().toString())))),
                    () -> assertProblem(400, "invalid-audience", post(admin, path, Json.createObjectBuilder().add("audience", "chosen")
                            .add("clientIds", Json.createArrayBuilder().add(client.id().toString())).build())),
                    () -> assertProblem(400, "invalid-audience", post(admin, path, Json.createObjectBuilder().add("audience", "my-clients").build())),
                    () -> assertProblem(400, "invalid-recipients", post(idleAdmin, path, audience("practice"))),
                    () -> assertProblem(403, "wrong-role", post(ames, path, audience("practice"))),
                    () -> assertProblem(403, "wrong-role", post(ames, path, practitioners(List.of(ames.id().toString())))));
        }
        assertProblem(400, "send-at-in-past", post(admin, "/announcements", Json.createObjectBuilder(audience("practice"))
                .add("sendAt", yesterday).add("timeZone", "Europe/Berlin").build()));
        assertProblem(400, "message-too-long", post(admin, "/announcements", Json.createObjectBuilder(audience("practice"))
                .add("html", "<p>" + "x".repeat(20_001) + "</p>").build()));

        assertEquals(0L, sql.value("SELECT count(*) FROM announcement WHERE sender_id IN (?, ?, ?)", admin.id(), idleAdmin.id(), ames.id()),
                "nothing queued");
        assertEquals(0L, sql.value("SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.client_id = ?",
                client.id()), "nothing sent");
    }

    static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Api.Reply post(Caller as, String path, JsonObject audience) {
        var body = Json.createObjectBuilder(audience);
        if (!audience.containsKey("html")) {
            body.add("html", "<p>x</p>");
        }
        return api.post(as, path, body.add("announcementId", UUID.randomUUID().toString()).build());
    }

    static JsonObject audience(String audience) {
        return Json.createObjectBuilder().add("audience", audience).build();
    }

    static JsonObject practitioners(List<String> ids) {
        var array = Json.createArrayBuilder();
        ids.forEach(array::add);
        return Json.createObjectBuilder().add("audience", "practitioners").add("practitionerIds", array).build();
    }

    static Map<String, JsonObject> byClient(JsonObject view) {
        return view.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("clientId"), Function.identity()));
    }
}
