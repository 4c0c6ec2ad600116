package care.messaging.system;

import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A child's thread is read and written by the child's guardians, every one of them, and
 * both apps say who is who ("Jordan Lee, guardian of Sam Lee").
 */
@ExtendWith(PayaraServer.class)
class GuardiansIT {

    final Api api;
    final SeededPeople people;

    GuardiansIT(Api api, SeededPeople people) {
        this.api = api;
        this.people = people;
    }

    @Test
    void coGuardiansBothReadAndWriteTheChildsThreadUnderTheirOwnNames() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Nora Quist");
        var child = people.client(RIVERSIDE, "Milo Reyes", true);
        var mother = people.portal(child, "guardian", "Ana Reyes");
        var father = people.portal(child, "guardian", "Luis Reyes");
        var id = api.start(practitioner, child.id().toString());
        var fatherFrom = EventStream.end(api, father);

        assertEquals(201, api.send(mother, id, UUID.randomUUID().toString(), "<p>Milo slept badly</p>").status());
        assertEquals(201, api.send(father, id, UUID.randomUUID().toString(), "<p>Better today</p>").status());
        assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>Thank you both</p>").status());

        Map<String, String> senders = api.messages(practitioner, id).stream().collect(Collectors.toMap(
                m -> m.getString("html"), m -> m.getJsonObject("sender").getString("displayName")));
        assertEquals(Map.of(
                "<p>Milo slept badly</p>", "Ana Reyes, guardian of Milo Reyes",
                "<p>Better today</p>", "Luis Reyes, guardian of Milo Reyes",
                "<p>Thank you both</p>", "Dr. Nora Quist"), senders);
        var seen = api.conversation(practitioner, id).getJsonObject("counterpart");
        assertAll(
                () -> assertEquals("Milo Reyes", seen.getString("displayName")),
                () -> assertEquals("Ana Reyes and Luis Reyes, guardians of Milo Reyes", seen.getString("note")));
        for (var guardian : List.of(mother, father)) {
            var thread = api.conversation(guardian, id);
            assertAll(guardian.displayName(),
                    () -> assertEquals("Dr. Nora Quist", thread.getJsonObject("counterpart").getString("displayName")),
                    () -> assertEquals("About Milo Reyes (you are their guardian)", thread.getJsonObject("counterpart").getString("note")),
                    () -> assertEquals(3, api.messages(guardian, id).size()));
        }
        var created = EventStream.after(api, father, fatherFrom, "message.created", id);
        assertEquals(3, created.size(), "the co-guardian's app hears of every message, their partner's too: " + created);
    }

    @Test
    void aGuardianStartsTheThreadForTheChildTheyName() {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Nora Quist");
        var older = people.client(RIVERSIDE, "Zoe Hart", true);
        var guardian = people.portal(older, "guardian", "Beth Hart");
        var younger = people.client(RIVERSIDE, "Finn Hart", true);
        people.link(younger, guardian, "guardian");
        var me = api.get(guardian, "/me").json();
        assertEquals(List.of("Finn Hart", "Zoe Hart"), me.getJsonArray("actsFor").getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("displayName")).toList());

        assertProblem(400, "client-required", api.post(guardian, "/conversations",
                Json.createObjectBuilder().add("practitionerId", practitioner.id().toString()).build()));
        var started = api.post(guardian, "/conversations", Json.createObjectBuilder()
                .add("practitionerId", practitioner.id().toString()).add("clientId", younger.id().toString()).build());

        assertEquals(201, started.status(), started::toString);
        var id = started.json().getString("id");
        assertEquals(201, api.send(guardian, id, UUID.randomUUID().toString(), "<p>About Finn</p>").status());
        var thread = api.conversation(practitioner, id).getJsonObject("counterpart");
        assertEquals("Finn Hart", thread.getString("displayName"));
        assertEquals("Beth Hart, guardian of Finn Hart", thread.getString("note"));
        assertFalse(api.inbox(practitioner).stream().anyMatch(c -> c.getJsonObject("counterpart").getString("displayName").equals("Zoe Hart")),
                "only the named child's thread was opened");
    }
}
