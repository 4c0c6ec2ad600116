package care.messaging.system;

import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERA;
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
 * A client who has not signed up yet. The practitioner's thread says so, messages wait;
 * an admin activates the portal account (links the identity provider's sub) and the client then sees
 * everything, and may write first. The demo's casey.diaz is left as it is: other classes rely on it
 * being refused.
 */
@ExtendWith(PayaraServer.class)
class SignUpIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    SignUpIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    @Test
    void messagesWaitUntilTheAccountIsActivatedAndThenTheClientSeesThemAll() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Hana Sato");
        var client = people.client(RIVERSIDE, "Owen Price", false);
        var waiting = people.waitingPortal(client, "self", "Owen Price");
        var id = api.start(practitioner, client.id().toString());
        var thread = api.conversation(practitioner, id);
        assertSending(thread, true, null);
        assertFalse(thread.getJsonObject("sending").getBoolean("clientSignedUp"), "the thread says the client has not signed up");
        for (var i = 1; i <= 2; i++) {
            assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>waiting " + i + "</p>").status());
        }
        assertProblem(401, "unknown-account", api.get(waiting, "/me"));
        var accounts = api.get(PARK, "/admin/clients/" + client.id() + "/portal-accounts");
        assertEquals(200, accounts.status(), accounts::toString);
        var listed = accounts.array().getJsonObject(0);
        assertAll(
                () -> assertEquals(waiting.id().toString(), listed.getString("id")),
                () -> assertEquals("self", listed.getString("relationship")),
                () -> assertFalse(listed.getBoolean("signedUp")));
        var practitionerFrom = EventStream.end(api, practitioner);

        var activated = activate(PARK, client, waiting, waiting.subject());

        assertEquals(200, activated.status(), activated::toString);
        assertTrue(activated.json().getBoolean("signedUp"));
        var inbox = api.inbox(waiting);
        assertEquals(List.of(id), inbox.stream().map(c -> c.getString("id")).toList());
        assertEquals(2, inbox.get(0).getJsonNumber("unreadCount").longValue());
        assertEquals(List.of("<p>waiting 2</p>", "<p>waiting 1</p>"),
                api.messages(waiting, id).stream().map(m -> m.getString("html")).toList());
        assertTrue(api.conversation(practitioner, id).getJsonObject("sending").getBoolean("clientSignedUp"));
        var changed = EventStream.after(api, practitioner, practitionerFrom, "conversation.changed", id);
        assertEquals(1, changed.size(), changed::toString);
        assertTrue(changed.get(0).getJsonObject("facts").getJsonObject("sending").getBoolean("clientSignedUp"));
        assertEquals(201, api.send(waiting, id, UUID.randomUUID().toString(), "<p>Hi, I'm here now</p>").status());
        assertEquals(1L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'portal.activate' AND subject_account_id = ?",
                waiting.id()));
    }

    @Test
    void anActivationIsRefusedWhenItWouldNotBeTheFirstOrTheSubjectIsTaken() {
        var client = people.client(RIVERSIDE, "Ruth Ames", true);
        var first = people.waitingPortal(client, "guardian", "Carl Ames");
        var second = people.waitingPortal(client, "guardian", "Dana Ames");
        assertEquals(200, activate(PARK, client, first, first.subject()).status());

        assertProblem(409, "already-signed-up", activate(PARK, client, first, "idp-" + UUID.randomUUID()));
        assertProblem(409, "subject-in-use", activate(PARK, client, second, first.subject()));
        assertProblem(409, "subject-in-use", activate(PARK, client, second, RIVERA.subject()));
        assertProblem(400, "invalid-subject", activate(PARK, client, second, "has spaces"));
        assertProblem(400, "invalid-subject", activate(PARK, client, second, ""));
        assertProblem(404, "not-found", activate(PARK, client, people.waitingPortal(people.client(RIVERSIDE, "Other Kid", false),
                "self", "Other Kid"), "idp-" + UUID.randomUUID()));
        var strangerAdmin = people.admin(people.practice(), "Other Admin");
        assertProblem(404, "not-found", activate(strangerAdmin, client, second, second.subject()));
        assertProblem(404, "not-found", api.get(strangerAdmin, "/admin/clients/" + client.id() + "/portal-accounts"));
        assertProblem(403, "wrong-role", activate(RIVERA, client, second, second.subject()));
        assertProblem(403, "wrong-role", api.get(first, "/admin/clients/" + client.id() + "/portal-accounts"));
        assertEquals(first.subject(), sql.value("SELECT subject FROM account WHERE id = ?", first.id()), "refusals changed nothing");
        assertEquals(null, sql.value("SELECT subject FROM account WHERE id = ?", second.id()));
    }

    @Test
    void aSignedUpClientWritesFirstToAPractitionerOfTheirPractice() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Hana Sato");
        var client = people.client(RIVERSIDE, "Eli Brooks", false);
        var self = people.portal(client, "self", "Eli Brooks");
        var practitioners = api.get(self, "/practitioners");
        assertEquals(200, practitioners.status(), practitioners::toString);
        assertTrue(practitioners.array().getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("id").equals(practitioner.id().toString())));
        var from = EventStream.end(api, practitioner);

        var started = start(self, practitioner.id().toString(), null);

        assertEquals(201, started.status(), started::toString);
        var id = started.json().getString("id");
        assertEquals("Dr. Hana Sato", started.json().getJsonObject("counterpart").getString("displayName"));
        assertEquals(200, start(self, practitioner.id().toString(), null).status(), "the one conversation of the pair");
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>Can we talk?</p>").status());
        assertEquals(1, api.conversation(practitioner, id).getJsonNumber("unreadCount").longValue());
        assertFalse(EventStream.after(api, practitioner, from, "conversation.changed", id).isEmpty());
        assertProblem(404, "not-found", start(self, okaforId(), null));
        assertProblem(404, "not-found", start(self, api.get(PARK, "/me").json().getString("id"), null));
        assertProblem(404, "not-found", start(self, UUID.randomUUID().toString(), null));
        assertProblem(400, "invalid-practitioner-id", start(self, "nobody", null));
        assertProblem(404, "not-found", start(self, practitioner.id().toString(), UUID.randomUUID().toString()));
        assertProblem(403, "wrong-role", start(RIVERA, practitioner.id().toString(), client.id().toString()));
    }

    @Test
    void aClientCannotStartWhereTheyCouldNotWrite() {
        var practice = people.practice();
        var admin = people.admin(practice, "Robin Admin");
        var practitioner = people.practitioner(practice, "Dr. Lena Vogt");
        var client = people.client(practice, "Ida Berg", false);
        var self = people.portal(client, "self", "Ida Berg");
        api.put(admin, "/admin/practice/messaging", Json.createObjectBuilder().add("enabled", false).build());

        assertProblem(409, "messaging-off", start(self, practitioner.id().toString(), null));

        assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE client_id = ?", client.id()), "nothing was opened");
    }

    String okaforId() {
        return api.get(OKAFOR, "/me").json().getString("id");
    }

    Api.Reply start(Caller as, String practitionerId, String clientId) {
        var body = Json.createObjectBuilder().add("practitionerId", practitionerId);
        if (clientId != null) {
            body.add("clientId", clientId);
        }
        return api.post(as, "/conversations", body.build());
    }

    Api.Reply activate(Caller admin, SeededPeople.Client client, SeededPeople.Person account, String subject) {
        return api.post(admin, "/admin/clients/" + client.id() + "/portal-accounts/" + account.id() + "/activation",
                Json.createObjectBuilder().add("subject", subject).build());
    }
}
