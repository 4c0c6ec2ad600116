package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The practice's messaging switch (admins) and practitioners' names for messaging (the
 * practitioner or an admin). Switching a practice off is tried on a practice of the test's own, so the
 * demo practice the other classes share keeps messaging on.
 */
@ExtendWith(PayaraServer.class)
class PracticeMessagingIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    PracticeMessagingIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    @Test
    void practiceSwitchedOffRefusesEverySendAndKeepsTheHistoryReadable() {
        var practice = people.practice();
        var admin = people.admin(practice, "Robin Admin");
        var practitioner = people.practitioner(practice, "Dr. Lena Vogt");
        var client = people.client(practice, "Noor Haddad", false);
        var self = people.portal(client, "self", "Noor Haddad");
        var id = api.start(practitioner, client.id().toString());
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>Before</p>").status());
        var practitionerFrom = EventStream.end(api, practitioner);
        var clientFrom = EventStream.end(api, self);

        var off = api.put(admin, "/admin/practice/messaging", Json.createObjectBuilder().add("enabled", false).build());

        assertEquals(200, off.status(), off::toString);
        assertFalse(off.json().getBoolean("enabled"));
        for (var author : List.of(practitioner, self)) {
            assertAll(author.displayName(),
                    () -> assertProblem(409, "messaging-off", api.send(author, id, UUID.randomUUID().toString(), "<p>After</p>")),
                    () -> assertEquals(1, api.messages(author, id).size(), "nothing added, the history still readable"),
                    () -> assertSending(api.conversation(author, id), false, "messaging-off"),
                    () -> assertFalse(api.get(author, "/me").json().getJsonObject("practice").getBoolean("messagingEnabled")));
        }
        assertEquals(1L, sql.value("SELECT last_seq FROM conversation WHERE id = ?", UUID.fromString(id)));
        assertEquals(List.of(false), practiceChanged(practitioner, practitionerFrom));
        assertEquals(List.of(false), practiceChanged(self, clientFrom));
        assertEquals(2L, sql.value("""
                SELECT count(*) FROM audit_event WHERE action = 'access.denied' AND attempted_action = 'message.create'
                   AND reason = 'messaging-off' AND conversation_id = ?""", UUID.fromString(id)));
        assertEquals(1L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'practice.messaging.update' AND actor_id = ?",
                admin.id()));

        var on = api.put(admin, "/admin/practice/messaging", Json.createObjectBuilder().add("enabled", true).build());
        assertTrue(on.json().getBoolean("enabled"));
        assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>Back</p>").status());
        assertSending(api.conversation(self, id), true, null);
    }

    @Test
    void aSendAcceptedBeforeTheSwitchIsStillAnsweredOnRetry() {
        var practice = people.practice();
        var admin = people.admin(practice, "Robin Admin");
        var practitioner = people.practitioner(practice, "Dr. Lena Vogt");
        var client = people.client(practice, "Noor Haddad", false);
        var id = api.start(practitioner, client.id().toString());
        var clientMessageId = UUID.randomUUID().toString();
        var first = api.send(practitioner, id, clientMessageId, "<p>Sent in time</p>");
        assertEquals(201, first.status());

        api.put(admin, "/admin/practice/messaging", Json.createObjectBuilder().add("enabled", false).build());

        var retry = api.send(practitioner, id, clientMessageId, "<p>Sent in time</p>");
        assertEquals(200, retry.status(), "the original was accepted: " + retry);
        assertEquals(first.json().getString("id"), retry.json().getString("id"));
    }

    @Test
    void onlyAdminsOfThePracticeSeeAndSwitchIt() {
        var body = Json.createObjectBuilder().add("enabled", false).build();
        for (var caller : List.<Caller>of(RIVERA, ALEX)) {
            assertProblem(403, "wrong-role", api.get(caller, "/admin/practice/messaging"));
            assertProblem(403, "wrong-role", api.put(caller, "/admin/practice/messaging", body));
        }
        assertProblem(400, "invalid-enabled", api.put(PARK, "/admin/practice/messaging", Json.createObjectBuilder().build()));
        assertProblem(400, "missing-body", api.call(api.identityProvider().token(PARK), "PUT", "/admin/practice/messaging", null));
        var setup = api.get(PARK, "/admin/practice/messaging");
        assertEquals(200, setup.status(), setup::toString);
        assertTrue(setup.json().getBoolean("enabled"), "the demo practice keeps messaging on");
        assertTrue(setup.json().getJsonArray("practitioners").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("displayName").equals(RIVERA.displayName)));
    }

    @Test
    void aMessageKeepsTheNameItWasSentUnderAndANewNameAppliesFromThenOn() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Samuel Okoye");
        var client = people.client(RIVERSIDE, "Mia Torres", false);
        var self = people.portal(client, "self", "Mia Torres");
        var id = api.start(practitioner, client.id().toString());
        assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>one</p>").status());
        var from = EventStream.end(api, self);

        var renamed = api.put(practitioner, "/me/messaging-name", Json.createObjectBuilder().add("displayName", "  Dr. Sam ").build());

        assertEquals(200, renamed.status(), renamed::toString);
        assertAll(
                () -> assertEquals("Dr. Sam", renamed.json().getString("messagingName")),
                () -> assertEquals("Dr. Sam", renamed.json().getString("sendsAs")),
                () -> assertEquals("Dr. Samuel Okoye", renamed.json().getString("displayName")));
        assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>two</p>").status());
        var names = api.messages(self, id).stream().map(m -> m.getJsonObject("sender").getString("displayName")).toList();
        assertEquals(List.of("Dr. Sam", "Dr. Samuel Okoye"), names, "newest first: the old message keeps its name");
        assertEquals("Dr. Sam", api.conversation(self, id).getJsonObject("counterpart").getString("displayName"));
        assertEquals("Dr. Sam", api.get(practitioner, "/me").json().getString("messagingName"));
        assertTrue(api.get(self, "/practitioners").array().getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("id").equals(practitioner.id().toString()) && p.getString("displayName").equals("Dr. Sam")));
        assertFalse(EventStream.after(api, self, from, "conversation.changed", id).isEmpty(), "the client's app hears of the new name");

        var reset = api.put(practitioner, "/me/messaging-name", Json.createObjectBuilder().addNull("displayName").build());
        assertEquals("Dr. Samuel Okoye", reset.json().getString("sendsAs"));
        assertTrue(Api.isNull(reset.json(), "messagingName"));
    }

    @Test
    void anAdminNamesAPractitionerOfTheirPracticeOnly() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Amara Nwosu");
        var path = "/admin/practitioners/" + practitioner.id() + "/messaging-name";
        var body = Json.createObjectBuilder().add("displayName", "Dr. Amara").build();

        var renamed = api.put(PARK, path, body);

        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Dr. Amara", renamed.json().getString("sendsAs"));
        assertEquals(1L, sql.value("""
                SELECT count(*) FROM audit_event WHERE action = 'messaging-name.update' AND subject_account_id = ?""", practitioner.id()));
        var stranger = people.admin(people.practice(), "Other Admin");
        assertProblem(404, "not-found", api.put(stranger, path, body));
        assertProblem(404, "not-found", api.put(PARK, "/admin/practitioners/" + UUID.randomUUID() + "/messaging-name", body));
        assertProblem(404, "not-found", api.put(PARK, "/admin/practitioners/" + alexAccountId() + "/messaging-name", body));
        assertProblem(403, "wrong-role", api.put(RIVERA, path, body));
        assertProblem(403, "wrong-role", api.put(ALEX, "/me/messaging-name", body));
        assertProblem(400, "invalid-display-name", api.put(PARK, path, Json.createObjectBuilder().add("displayName", "x".repeat(101)).build()));
        assertProblem(400, "invalid-display-name", api.put(practitioner, "/me/messaging-name",
                Json.createObjectBuilder().add("displayName", "Dr.\nAmara").build()));
        assertEquals("Dr. Amara", sql.value("SELECT messaging_name FROM account WHERE id = ?", practitioner.id()), "refusals changed nothing");
    }

    /** A portal account's id: not a practitioner, so no messaging name to set. */
    String alexAccountId() {
        return api.get(ALEX, "/me").json().getString("id");
    }

    List<Boolean> practiceChanged(Caller as, long from) {
        return EventStream.after(api, as, from, "practice.changed", null).stream()
                .map(e -> e.getJsonObject("facts").getBoolean("messagingEnabled")).toList();
    }

    static void assertSending(JsonObject conversation, boolean allowed, String reason) {
        var sending = conversation.getJsonObject("sending");
        assertEquals(allowed, sending.getBoolean("allowed"), sending::toString);
        if (reason == null) {
            assertTrue(Api.isNull(sending, "reason"), sending::toString);
        } else {
            assertEquals(reason, sending.getString("reason"), sending::toString);
        }
    }
}
