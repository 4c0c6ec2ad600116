package care.messaging.system;

import static care.messaging.system.Api.lastSeq;
import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.JORDAN;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.DemoPeople.ROBIN;
import static care.messaging.system.DemoPeople.SAM;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Another practice's conversation, or one the caller is not part of, does not exist for them: 404, never 403. */
@ExtendWith(PayaraServer.class)
class IsolationIT {

    final Api api;

    IsolationIT(Api api) {
        this.api = api;
    }

    @Test
    void practitionerOfAnotherPracticeCannotReadWriteOrMarkARiversideConversation() {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var before = lastSeq(api.conversation(ALEX, id));

        assertProblem(404, "not-found", api.get(OKAFOR, "/conversations/" + id + "/messages"));
        assertProblem(404, "not-found", api.send(OKAFOR, id, UUID.randomUUID().toString(), "<p>Hello</p>"));
        assertProblem(404, "not-found", api.markRead(OKAFOR, id, 1));
        assertEquals(before, lastSeq(api.conversation(ALEX, id)), "nothing was added");
    }

    @ParameterizedTest
    @EnumSource(names = {"CHEN", "PARK"})
    void colleagueInTheSamePracticeWhoIsNotInTheConversationCannotReachIt(DemoPeople colleague) {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");

        assertProblem(404, "not-found", api.get(colleague, "/conversations/" + id + "/messages"));
        assertProblem(404, "not-found", api.send(colleague, id, UUID.randomUUID().toString(), "<p>Hello</p>"));
        assertTrue(api.inbox(colleague).stream().noneMatch(c -> c.getString("id").equals(id)));
    }

    @Test
    void guardianCannotReachAnotherClientsThread() {
        var alexThread = api.conversationWith(ALEX, RIVERA.displayName).getString("id");

        assertProblem(404, "not-found", api.get(JORDAN, "/conversations/" + alexThread + "/messages"));
        assertProblem(404, "not-found", api.send(JORDAN, alexThread, UUID.randomUUID().toString(), "<p>Hello</p>"));
        assertProblem(404, "not-found", api.markRead(JORDAN, alexThread, 1));
    }

    @Test
    void clientCannotReachTheThreadOfAMinorTheyAreNotGuardianOf() {
        var samThread = api.conversationWith(RIVERA, SAM).getString("id");
        assertEquals(samThread, api.conversationWith(JORDAN, RIVERA.displayName).getString("id"), "Jordan writes in Sam's thread");

        assertProblem(404, "not-found", api.get(ALEX, "/conversations/" + samThread + "/messages"));
        assertProblem(404, "not-found", api.send(ALEX, samThread, UUID.randomUUID().toString(), "<p>Hello</p>"));
    }

    @Test
    void conversationListOfAnotherPracticeNeverShowsRiversideConversations() {
        var riverside = api.inbox(RIVERA).stream().map(c -> c.getString("id")).collect(Collectors.toSet());
        var lakeside = api.inbox(OKAFOR);

        assertTrue(lakeside.stream().noneMatch(c -> riverside.contains(c.getString("id"))), lakeside::toString);
        assertTrue(lakeside.stream().anyMatch(c -> counterpart(c).equals(ROBIN.displayName)), lakeside::toString);
        assertTrue(api.inbox(ROBIN).stream().allMatch(c -> counterpart(c).equals(OKAFOR.displayName)));
    }

    @Test
    void practitionerCannotStartAConversationWithAnotherPracticesClient() {
        var robinThread = api.conversationWith(OKAFOR, ROBIN.displayName);
        var robinId = robinThread.getJsonObject("counterpart").getString("id");

        var reply = api.post(RIVERA, "/conversations", Json.createObjectBuilder().add("clientId", robinId).build());

        assertProblem(404, "not-found", reply);
    }

    private static String counterpart(JsonObject conversation) {
        return conversation.getJsonObject("counterpart").getString("displayName");
    }
}
