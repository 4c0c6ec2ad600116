package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.DemoPeople.ROBIN;
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
 * A practitioner's block list. They find clients by name (in a request body, never a
 * URL), block them, unblock with one call. A blocked client cannot write to that practitioner (409
 * client-blocked, nothing changes) but still reads the thread; the practitioner may still write.
 */
@ExtendWith(PayaraServer.class)
class BlockListIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    BlockListIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    @Test
    void aBlockedClientReadsButCannotWriteUntilUnblocked() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Cleo Marsh");
        var client = people.client(RIVERSIDE, "Vera Blocksome", false);
        var self = people.portal(client, "self", "Vera Blocksome");
        var id = api.start(practitioner, client.id().toString());
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>first</p>").status());
        var found = search(practitioner, "blocksome");
        assertEquals(List.of(client.id().toString()), found.stream().map(c -> c.getString("id")).toList());
        assertFalse(found.get(0).getBoolean("blocked"));
        var clientFrom = EventStream.end(api, self);

        var blocked = api.put(practitioner, "/me/blocks/" + client.id());

        assertEquals(200, blocked.status(), blocked::toString);
        assertEquals("Vera Blocksome", blocked.json().getString("displayName"));
        assertProblem(409, "client-blocked", api.send(self, id, UUID.randomUUID().toString(), "<p>let me in</p>"));
        assertAll(
                () -> assertEquals(1, api.messages(self, id).size(), "still reads the thread; nothing was added"),
                () -> assertSending(api.conversation(self, id), false, "client-blocked"),
                () -> assertSending(api.conversation(practitioner, id), true, null),
                () -> assertTrue(api.conversation(practitioner, id).getJsonObject("sending").getBoolean("clientBlocked")),
                () -> assertTrue(search(practitioner, "Blocksome").get(0).getBoolean("blocked")),
                () -> assertEquals(List.of(client.id().toString()), blockList(practitioner)));
        var changed = EventStream.after(api, self, clientFrom, "conversation.changed", id);
        assertEquals("client-blocked", changed.get(0).getJsonObject("facts").getJsonObject("sending").getString("reason"));
        assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>I can still write</p>").status());
        assertEquals(2L, sql.value("SELECT last_seq FROM conversation WHERE id = ?", UUID.fromString(id)));
        assertEquals(1L, sql.value("""
                SELECT count(*) FROM audit_event WHERE action = 'access.denied' AND reason = 'client-blocked' AND actor_id = ?""",
                self.id()));

        assertEquals(200, api.put(practitioner, "/me/blocks/" + client.id()).status(), "blocking twice is no error");
        assertEquals(204, api.delete(practitioner, "/me/blocks/" + client.id()).status());
        assertEquals(204, api.delete(practitioner, "/me/blocks/" + client.id()).status(), "unblocking twice is no error");
        assertEquals(List.of(), blockList(practitioner));
        assertEquals(201, api.send(self, id, UUID.randomUUID().toString(), "<p>thanks</p>").status());
        assertEquals(List.of("block.add", "block.add", "block.remove", "block.remove"), sql.query(
                "SELECT action FROM audit_event WHERE actor_id = ? AND action IN ('block.add', 'block.remove') ORDER BY no", practitioner.id())
                .stream().map(r -> r.get("action")).toList());
    }

    @Test
    void aBlockConcernsThatPractitionerOnlyAndStopsTheClientFromStartingAThread() {
        var blocking = people.practitioner(RIVERSIDE, "Dr. Cleo Marsh");
        var other = people.practitioner(RIVERSIDE, "Dr. Paul Finch");
        var child = people.client(RIVERSIDE, "Tim Oakes", true);
        var guardian = people.portal(child, "guardian", "Rose Oakes");
        assertEquals(200, api.put(blocking, "/me/blocks/" + child.id()).status());

        assertProblem(409, "client-blocked", api.post(guardian, "/conversations",
                Json.createObjectBuilder().add("practitionerId", blocking.id().toString()).build()));
        assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE client_id = ?", child.id()));
        var started = api.post(guardian, "/conversations", Json.createObjectBuilder().add("practitionerId", other.id().toString()).build());
        assertEquals(201, started.status(), started::toString);
        assertEquals(201, api.send(guardian, started.json().getString("id"), UUID.randomUUID().toString(), "<p>hello</p>").status());
    }

    @Test
    void anAdminKeepsAPractitionersListAndNobodyElseReachesIt() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Cleo Marsh");
        var client = people.client(RIVERSIDE, "Hugo Lane", false);
        var self = people.portal(client, "self", "Hugo Lane");
        var adminPath = "/admin/practitioners/" + practitioner.id() + "/blocks";

        assertEquals(200, api.put(PARK, adminPath + "/" + client.id()).status());
        assertEquals(List.of(client.id().toString()), blockList(practitioner));
        assertEquals(1, api.get(PARK, adminPath).array().size());

        var strangerAdmin = people.admin(people.practice(), "Other Admin");
        assertProblem(404, "not-found", api.get(strangerAdmin, adminPath));
        assertProblem(404, "not-found", api.delete(strangerAdmin, adminPath + "/" + client.id()));
        assertProblem(404, "not-found", api.put(OKAFOR, "/me/blocks/" + client.id()));
        assertProblem(404, "not-found", api.put(practitioner, "/me/blocks/" + robinClientId()));
        assertProblem(404, "not-found", api.put(practitioner, "/me/blocks/" + UUID.randomUUID()));
        assertProblem(404, "not-found", api.put(practitioner, "/me/blocks/not-an-id"));
        assertProblem(403, "wrong-role", api.get(self, "/me/blocks"));
        assertProblem(403, "wrong-role", api.put(self, "/me/blocks/" + client.id()));
        assertProblem(403, "wrong-role", api.get(PARK, "/me/blocks"));
        assertProblem(403, "wrong-role", api.put(practitioner, adminPath + "/" + client.id()));
        assertEquals(1L, sql.value("SELECT count(*) FROM block WHERE client_id = ?", client.id()), "refusals changed nothing");
        assertEquals(204, api.delete(PARK, adminPath + "/" + client.id()).status());
        assertEquals(List.of(), blockList(practitioner));
    }

    @Test
    void searchingClientsKeepsNamesOutOfUrlsAndInsideThePractice() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Cleo Marsh");
        var child = people.client(RIVERSIDE, "Lily Zanetti", true);
        people.portal(child, "guardian", "Marco Zanetti");
        var discharged = people.client(RIVERSIDE, "Lara Zanetti", false);
        people.discharge(discharged);

        var byGuardian = search(practitioner, "marco zan");
        assertEquals(1, byGuardian.size(), byGuardian::toString);
        assertEquals("Marco Zanetti, guardian of Lily Zanetti", byGuardian.get(0).getString("note"));
        assertTrue(byGuardian.get(0).getBoolean("signedUp"));
        assertEquals(List.of("Lily Zanetti"), search(practitioner, "zanetti").stream().map(c -> c.getString("displayName")).toList(),
                "discharged clients are not offered");
        assertTrue(search(OKAFOR, "zanetti").isEmpty(), "another practice finds nothing");
        assertEquals(1, search(PARK, "Lily").size(), "admins search too");
        var admins = search(PARK, "zanetti");
        assertEquals(List.of("Lara Zanetti:false", "Lily Zanetti:true"),
                admins.stream().map(c -> c.getString("displayName") + ":" + c.getBoolean("inCare")).toList(),
                "an admin finds a discharged client too, marked, so they can re-admit them");
        assertTrue(Api.isNull(search(practitioner, "zanetti").get(0), "inCare"), "practitioners find clients in care only");
        assertTrue(Api.isNull(search(PARK, "Lily").get(0), "blocked"), "an admin has no block list of their own");
        assertProblem(403, "wrong-role", api.post(ALEX, "/clients/search", Json.createObjectBuilder().add("query", "Lily").build()));
        assertProblem(400, "invalid-query", api.post(practitioner, "/clients/search", Json.createObjectBuilder().add("query", " ").build()));
        assertProblem(400, "invalid-limit", api.post(practitioner, "/clients/search",
                Json.createObjectBuilder().add("query", "Lily").add("limit", 0).build()));
        // No GET that would put a name in a URL.
        assertProblem(405, "method-not-allowed", api.get(practitioner, "/clients/search?query=Lily"));
    }

    List<JsonObject> search(Caller as, String query) {
        var reply = api.post(as, "/clients/search", Json.createObjectBuilder().add("query", query).build());
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().getValuesAs(JsonObject.class);
    }

    List<String> blockList(Caller practitioner) {
        var reply = api.get(practitioner, "/me/blocks");
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().getValuesAs(JsonObject.class).stream().map(b -> b.getString("clientId")).toList();
    }

    String robinClientId() {
        return sql.value("SELECT client_id FROM client_account ca JOIN account a ON a.id = ca.account_id WHERE a.username = ?",
                ROBIN.username).toString();
    }
}
