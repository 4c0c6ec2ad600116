package care.messaging.system;

import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Switching off a directory record takes effect on the very next request, whatever tokens are still out
 * there: a member who left is refused (401); a discharged client's portal accounts lose the conversation
 * (404, as for anyone's they may not see), and the practitioner keeps the record to read but can no
 * longer write in it (409 client-discharged). Every test makes its own people: these changes are for good.
 */
@ExtendWith(PayaraServer.class)
class RevokedAccessIT {

    final Api api;
    final SeededPeople people;

    RevokedAccessIT(Api api, SeededPeople people) {
        this.api = api;
        this.people = people;
    }

    @Test
    void practitionerWhoLeftIsRefusedOnTheNextRequestWithTheSameToken() {
        var member = people.practitioner(RIVERSIDE, "Dr. Avery Stone");
        var token = api.identityProvider().token(member);
        assertEquals(200, api.call(token, "GET", "/me", null).status());

        people.disable(member);

        assertProblem(401, "account-disabled", api.call(token, "GET", "/me", null));
        assertProblem(401, "account-disabled", api.call(token, "GET", "/conversations", null));
    }

    @Test
    void dischargedClientsPortalAccountsCanNoLongerReadOrWriteTheirConversation() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Avery Stone");
        var client = people.client(RIVERSIDE, "Taylor Quinn", true);
        var self = people.portal(client, "self", "Taylor Quinn");
        var guardian = people.portal(client, "guardian", "Morgan Quinn");
        var id = api.start(practitioner, client.id().toString());
        for (var author : List.of(practitioner, self, guardian)) {
            assertEquals(201, api.send(author, id, UUID.randomUUID().toString(), "<p>Before</p>").status());
        }

        people.discharge(client);

        for (var portal : List.of(self, guardian)) {
            assertAll(portal.displayName(),
                    () -> assertProblem(404, "not-found", api.get(portal, "/conversations/" + id + "/messages")),
                    () -> assertProblem(404, "not-found", api.send(portal, id, UUID.randomUUID().toString(), "<p>After</p>")),
                    () -> assertProblem(404, "not-found", api.markRead(portal, id, 1)),
                    () -> assertTrue(api.inbox(portal).stream().noneMatch(c -> c.getString("id").equals(id)), "not in the inbox"));
        }
        assertEquals(3, api.messages(practitioner, id).size(), "the record is kept");
    }

    @Test
    void practitionerKeepsReadingADischargedClientsConversationButCannotWriteInIt() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Avery Stone");
        var client = people.client(RIVERSIDE, "Jamie Fox", false);
        var self = people.portal(client, "self", "Jamie Fox");
        var id = api.start(practitioner, client.id().toString());
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>Thank you for everything</p>").status());

        people.discharge(client);

        assertProblem(409, "client-discharged", api.send(practitioner, id, UUID.randomUUID().toString(), "<p>After</p>"));
        var history = api.messages(practitioner, id);
        assertEquals(1, history.size(), history::toString);
        assertEquals("<p>Thank you for everything</p>", history.get(0).getString("html"));
        var read = api.markRead(practitioner, id, 1);
        assertEquals(200, read.status(), read::toString);
        assertEquals(0, read.json().getInt("unreadCount"));
        assertEquals(1, Api.lastSeq(api.conversation(practitioner, id)), "still in the inbox, nothing added");
    }
}
