package care.messaging.system;

import static care.messaging.system.Api.lastSeq;
import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every refusal is application/problem+json with its stable type, and a refused send changes nothing.
 * Refused tokens are in TokensIT, refused bodies in RequestLimitsIT.
 */
@ExtendWith(PayaraServer.class)
class ProblemsIT {

    final Api api;

    ProblemsIT(Api api) {
        this.api = api;
    }

    @Test
    void emptyMessageIsRejected() {
        assertSendRefused("empty-message", id -> api.send(ALEX, id, UUID.randomUUID().toString(), ""));
    }

    @Test
    void messageThatIsEmptyAfterSanitizingIsRejected() {
        assertSendRefused("empty-message",
                id -> api.send(ALEX, id, UUID.randomUUID().toString(), "<script>alert('hi')</script>"));
    }

    @Test
    void messageLongerThanTheLimitAfterSanitizingIsRejected() {
        var html = "<p>" + "a".repeat(20_001) + "</p>";
        assertSendRefused("message-too-long", id -> api.send(ALEX, id, UUID.randomUUID().toString(), html));
    }

    @Test
    void clientMessageIdThatIsNotAUuidIsRejected() {
        assertSendRefused("invalid-client-message-id", id -> api.send(ALEX, id, "message-1", "<p>Hello</p>"));
    }

    @Test
    void malformedJsonIsRejected() {
        var token = api.identityProvider().token(ALEX);
        assertSendRefused("malformed-json",
                id -> api.call(token, "POST", "/conversations/" + id + "/messages", "{\"clientMessageId\": \"" + UUID.randomUUID()));
    }

    @Test
    void clientCannotStartAConversation() {
        var ownClientId = UUID.randomUUID().toString();
        var reply = api.post(ALEX, "/conversations", Json.createObjectBuilder().add("clientId", ownClientId).build());
        assertProblem(403, "wrong-role", reply);
    }

    @Test
    void unknownConversationIsNotFound() {
        assertProblem(404, "not-found", api.get(ALEX, "/conversations/" + UUID.randomUUID() + "/messages"));
        assertProblem(404, "not-found", api.send(ALEX, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "<p>Hi</p>"));
    }

    @Test
    void readMarkerThatIsNotAWholeNumberIsRejectedAndMovesNothing() {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        api.send(RIVERA, id, UUID.randomUUID().toString(), "<p>One more for the marker test</p>");
        var token = api.identityProvider().token(ALEX);
        var path = "/conversations/" + id + "/read";
        var start = api.call(token, "POST", path, "{\"seq\": 1}");
        assertEquals(200, start.status(), start::toString);
        var before = start.json().getJsonNumber("seq").longValue();
        var last = lastSeq(api.conversation(ALEX, id));
        assertTrue(last > before, "there is a later message the bad markers could claim to have read");

        for (var bad : new String[] {last + ".5", "\"" + last + "\"", last + "e400", "1" + "0".repeat(30), "true"}) {
            assertProblem(400, "malformed-json", api.call(token, "POST", path, "{\"seq\": " + bad + "}"));
        }
        assertProblem(400, "invalid-seq", api.call(token, "POST", path, "{\"seq\": -3}"));

        var after = api.call(token, "POST", path, "{\"seq\": 1}");
        assertEquals(before, after.json().getJsonNumber("seq").longValue(), "the marker did not move");
    }

    /** The send is refused with 400 and this type, and the conversation is as it was. */
    private void assertSendRefused(String type, Function<String, Api.Reply> send) {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var before = lastSeq(api.conversation(ALEX, id));
        var newest = api.messages(ALEX, id).get(0).getString("id");

        assertProblem(400, type, send.apply(id));

        assertEquals(before, lastSeq(api.conversation(ALEX, id)), "lastSeq is unchanged");
        assertTrue(api.messages(ALEX, id).get(0).getString("id").equals(newest), "no message was added");
    }
}
