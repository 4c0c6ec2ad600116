package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Before sending, "who will receive it": {@code POST /announcements/preview} with a send's audience counts who would
 * get a copy (blocked clients too) and who would be skipped and why, by the same rules the delivery applies; the
 * send that follows decides every recipient as the preview said. It writes nothing but its audit row, and refuses
 * what a send refuses.
 */
@ExtendWith(PayaraServer.class)
class AnnouncementPreviewIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    AnnouncementPreviewIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    @Test
    void thePreviewCountsWhoWillReceiveItAndWhoWillBeSkippedAndWhyAsTheSendThenDoes() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Pia Vorsch");
        var open = people.client(RIVERSIDE, "Hal Open", false);
        var blocked = people.client(RIVERSIDE, "Ida Blocked", false);
        var off = people.client(RIVERSIDE, "Jo Off", false);
        var gone = people.client(RIVERSIDE, "Kai Gone", false);
        assertEquals(200, api.put(practitioner, "/me/blocks/" + blocked.id()).status());
        assertEquals(200, api.put(PARK, "/clients/" + off.id() + "/preferences",
                Json.createObjectBuilder().add("messagingEnabled", false).build()).status());
        people.discharge(gone);
        var chosen = Stream.of(open, blocked, off, gone).map(c -> c.id().toString()).toList();

        var preview = api.post(practitioner, "/announcements/preview", chosen(chosen));

        assertEquals(200, preview.status(), preview::toString);
        assertEquals(json(4, 2, 1, 0, 1), preview.json(), "blocked clients receive it; the one switched off and the discharged one do not");
        assertEquals(0L, sql.value("SELECT count(*) FROM announcement WHERE sender_id = ?", practitioner.id()), "nothing queued");
        assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE practitioner_id = ?", practitioner.id()), "no thread opened");
        assertEquals(1L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'announcement.preview' AND outcome = 'success' "
                + "AND actor_id = ?", practitioner.id()), "audited");

        var sent = api.post(practitioner, "/announcements", Json.createObjectBuilder(chosen(chosen))
                .add("announcementId", UUID.randomUUID().toString()).add("html", "<p>Closed on Monday</p>").build());
        assertEquals(201, sent.status(), sent::toString);
        assertEquals(preview.json().getInt("receive"), sent.json().getInt("delivered"));
        assertEquals(skippedByReason(preview.json()), skippedByReason(sent.json().getJsonArray("recipients").getValuesAs(JsonObject.class)),
                "the send skipped whom the preview said, for the reason it said");

        // Her threads now: the two who received it, plus the two skipped ones' threads opened some other way.
        for (var client : List.of(off, gone)) {
            sql.update("INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at, kind) "
                    + "SELECT gen_random_uuid(), practice_id, ?, id, now(), now(), 'client' FROM client WHERE id = ?",
                    practitioner.id(), client.id());
        }
        var mine = api.post(practitioner, "/announcements/preview", Json.createObjectBuilder().add("audience", "my-clients").build());
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(json(4, 2, 1, 0, 1), mine.json(), "every client she has a thread with, by the same rules");
    }

    @Test
    void whileThePracticesMessagingIsOffEveryoneIsSkippedAndADischargeIsTheReasonThatWins() {
        var practice = people.practice();
        var practitioner = people.practitioner(practice, "Dr. Lev Stil");
        var admin = people.admin(practice, "Ada Stil");
        var one = people.client(practice, "Mo Stil", false);
        var two = people.client(practice, "Nia Stil", false);
        var gone = people.client(practice, "Oz Stil", false);
        people.discharge(gone);
        assertEquals(200, api.put(admin, "/admin/practice/messaging", Json.createObjectBuilder().add("enabled", false).build()).status());

        var preview = api.post(practitioner, "/announcements/preview", chosen(Stream.of(one, two, gone).map(c -> c.id().toString()).toList()));

        assertEquals(200, preview.status(), preview::toString);
        assertEquals(json(3, 0, 1, 2, 0), preview.json(), "a discharge outlasts the practice's switch, as in a send");
    }

    @Test
    void aPreviewRefusesWhatASendRefusesAndWritesNothing() {
        var practice = people.practice();
        var practitioner = people.practitioner(practice, "Dr. Rex Null");
        var admin = people.admin(practice, "Ada Null");
        var client = people.client(practice, "Sue Null", false);
        var elsewhere = people.client(RIVERSIDE, "Tom Far", false);
        var tooMany = Stream.generate(() -> UUID.randomUUID().toString()).limit(501).toList();

        assertProblem(400, "invalid-audience", api.post(practitioner, "/announcements/preview",
                Json.createObjectBuilder().add("audience", "everyone").build()));
        assertProblem(400, "invalid-recipients", api.post(practitioner, "/announcements/preview", chosen(List.of())));
        assertProblem(400, "invalid-client-id", api.post(practitioner, "/announcements/preview", chosen(List.of("nope"))));
        assertProblem(400, "unknown-recipient", api.post(practitioner, "/announcements/preview",
                chosen(List.of(client.id().toString(), elsewhere.id().toString()))));
        assertProblem(400, "too-many-recipients", api.post(practitioner, "/announcements/preview", chosen(tooMany)));
        assertProblem(400, "invalid-recipients", api.post(practitioner, "/announcements/preview",
                Json.createObjectBuilder().add("audience", "my-clients").build())); // no threads yet
        assertProblem(400, "invalid-audience", api.post(admin, "/announcements/preview", chosen(List.of(client.id().toString()))));
        assertProblem(403, "wrong-role", api.post(ALEX, "/announcements/preview", chosen(List.of(client.id().toString()))));
        assertEquals(401, api.call(null, "POST", "/announcements/preview", chosen(List.of(client.id().toString())).toString()).status());

        assertEquals(0L, sql.value("SELECT count(*) FROM announcement WHERE sender_id = ?", practitioner.id()));
        assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE practitioner_id = ?", practitioner.id()));
        assertEquals(0L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'announcement.preview' AND outcome = 'success' "
                + "AND actor_id = ?", practitioner.id()));
    }

    static JsonObject chosen(List<String> clientIds) {
        var ids = Json.createArrayBuilder();
        clientIds.forEach(ids::add);
        return Json.createObjectBuilder().add("audience", "chosen").add("clientIds", ids).build();
    }

    static JsonObject json(int total, int receive, int discharged, int practiceOff, int clientOff) {
        return Json.createObjectBuilder().add("total", total).add("receive", receive).add("skipped", Json.createObjectBuilder()
                .add("client-discharged", discharged).add("messaging-off", practiceOff).add("messaging-disabled", clientOff)).build();
    }

    /** The preview's non-zero counts by reason. */
    static Map<String, Long> skippedByReason(JsonObject preview) {
        var skipped = preview.getJsonObject("skipped");
        return skipped.keySet().stream().filter(reason -> skipped.getInt(reason) > 0)
                .collect(Collectors.toMap(reason -> reason, reason -> (long) skipped.getInt(reason)));
    }

    /** A send's skipped recipients counted by reason. */
    static Map<String, Long> skippedByReason(List<JsonObject> recipients) {
        return recipients.stream().filter(r -> !r.isNull("skipped"))
                .collect(Collectors.groupingBy(r -> r.getString("skipped"), Collectors.counting()));
    }
}
