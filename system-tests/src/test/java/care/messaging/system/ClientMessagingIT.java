package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.PracticeMessagingIT.assertSending;
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
 * Messaging on or off per client, in the client's preferences (their practitioners, the
 * practice's admins). Off, the client's threads are locked for both sides (409 messaging-disabled) and
 * stay readable; the open apps of everyone in them hear of it at once.
 */
@ExtendWith(PayaraServer.class)
class ClientMessagingIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    ClientMessagingIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    @Test
    void clientSwitchedOffLocksTheirThreadForBothSidesAndKeepsItReadable() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Iris Brandt");
        var client = people.client(RIVERSIDE, "Leo Park", false);
        var self = people.portal(client, "self", "Leo Park");
        var id = api.start(practitioner, client.id().toString());
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>Hello</p>").status());
        var clientFrom = EventStream.end(api, self);
        var practitionerFrom = EventStream.end(api, practitioner);

        var off = api.put(practitioner, preferences(client), Json.createObjectBuilder().add("messagingEnabled", false).build());

        assertEquals(200, off.status(), off::toString);
        assertFalse(off.json().getBoolean("messagingEnabled"));
        for (var author : List.<Caller>of(self, practitioner)) {
            assertAll(author.toString(),
                    () -> assertProblem(409, "messaging-disabled", api.send(author, id, UUID.randomUUID().toString(), "<p>x</p>")),
                    () -> assertEquals(1, api.messages(author, id).size(), "history readable, nothing added"),
                    () -> assertSending(api.conversation(author, id), false, "messaging-disabled"),
                    () -> assertEquals(200, api.markRead(author, id, 1).status(), "reading goes on"));
        }
        assertEquals(1L, sql.value("SELECT last_seq FROM conversation WHERE id = ?", UUID.fromString(id)));
        for (var reader : List.of(new Object[]{self, clientFrom}, new Object[]{practitioner, practitionerFrom})) {
            var changed = EventStream.after(api, (Caller) reader[0], (long) reader[1], "conversation.changed", id);
            assertFalse(changed.isEmpty(), "an open app hears of it");
            var sending = changed.get(0).getJsonObject("facts").getJsonObject("sending");
            assertFalse(sending.getBoolean("allowed"), sending::toString);
            assertEquals("messaging-disabled", sending.getString("reason"));
        }
        assertEquals(2L, sql.value("""
                SELECT count(*) FROM audit_event WHERE action = 'access.denied' AND reason = 'messaging-disabled'
                   AND conversation_id = ?""", UUID.fromString(id)));

        var on = api.put(PARK, preferences(client), Json.createObjectBuilder().add("messagingEnabled", true).build());
        assertTrue(on.json().getBoolean("messagingEnabled"), "an admin may switch it too");
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>Thanks</p>").status());
        assertEquals(2L, sql.value("""
                SELECT count(*) FROM audit_event WHERE action = 'client.preferences.update' AND client_id = ?""", client.id()));
    }

    @Test
    void onlyTheClientsPractitionersAndTheAdminsKeepTheirPreferences() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Iris Brandt");
        var colleague = people.practitioner(RIVERSIDE, "Dr. Tom Weller");
        var client = people.client(RIVERSIDE, "Ava Stein", false);
        var self = people.portal(client, "self", "Ava Stein");
        var id = api.start(practitioner, client.id().toString());
        var off = Json.createObjectBuilder().add("messagingEnabled", false).build();

        var read = api.get(practitioner, preferences(client));
        assertEquals(200, read.status(), read::toString);
        assertEquals(client.id().toString(), read.json().getString("clientId"));
        assertTrue(read.json().getBoolean("messagingEnabled"));
        assertEquals(200, api.get(PARK, preferences(client)).status());
        assertProblem(404, "not-found", api.get(colleague, preferences(client)));
        assertProblem(404, "not-found", api.put(colleague, preferences(client), off));
        var otherPractice = people.practice();
        var strangerAdmin = people.admin(otherPractice, "Other Admin");
        assertProblem(404, "not-found", api.put(strangerAdmin, preferences(client), off));
        assertProblem(404, "not-found", api.put(people.practitioner(otherPractice, "Dr. Other"), preferences(client), off));
        assertProblem(403, "wrong-role", api.put(self, preferences(client), off));
        assertProblem(403, "wrong-role", api.get(ALEX, preferences(client)));
        assertProblem(404, "not-found", api.get(PARK, "/clients/not-an-id/preferences"));
        assertProblem(400, "invalid-messaging-enabled", api.put(practitioner, preferences(client), Json.createObjectBuilder().build()));
        assertEquals(true, sql.value("SELECT messaging_enabled FROM client WHERE id = ?", client.id()), "every refusal changed nothing");
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>still open</p>").status());
    }

    @Test
    void everyThreadOfTheClientIsLocked() {
        var first = people.practitioner(RIVERSIDE, "Dr. Iris Brandt");
        var second = people.practitioner(RIVERSIDE, "Dr. Tom Weller");
        var client = people.client(RIVERSIDE, "Kai Lund", false);
        var self = people.portal(client, "self", "Kai Lund");
        var one = api.start(first, client.id().toString());
        var two = api.start(second, client.id().toString());

        api.put(first, preferences(client), Json.createObjectBuilder().add("messagingEnabled", false).build());

        for (JsonObject conversation : api.inbox(self)) {
            assertSending(conversation, false, "messaging-disabled");
        }
        assertEquals(2, api.inbox(self).stream().filter(c -> List.of(one, two).contains(c.getString("id"))).count());
        assertProblem(409, "messaging-disabled", api.send(second, two, UUID.randomUUID().toString(), "<p>x</p>"));
    }

    @Test
    void oneConversationShowsItsSendingToItsParticipantsOnly() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Iris Brandt");
        var client = people.client(RIVERSIDE, "Nils Berg", false);
        var self = people.portal(client, "self", "Nils Berg");
        var id = api.start(practitioner, client.id().toString());
        api.put(practitioner, preferences(client), Json.createObjectBuilder().add("messagingEnabled", false).build());

        for (var participant : List.<Caller>of(practitioner, self)) {
            var one = api.get(participant, "/conversations/" + id);
            assertEquals(200, one.status(), one::toString);
            assertEquals(id, one.json().getString("id"));
            assertSending(one.json(), false, "messaging-disabled");
        }
        assertProblem(404, "not-found", api.get(PARK, "/conversations/" + id));
        assertProblem(404, "not-found", api.get(people.practitioner(RIVERSIDE, "Dr. Tom Weller"), "/conversations/" + id));
        assertProblem(404, "not-found", api.get(ALEX, "/conversations/" + id));
        assertProblem(404, "not-found", api.get(people.practitioner(people.practice(), "Dr. Other"), "/conversations/" + id));
        assertProblem(404, "not-found", api.get(self, "/conversations/not-an-id"));
    }

    static String preferences(SeededPeople.Client client) {
        return "/clients/" + client.id() + "/preferences";
    }
}
