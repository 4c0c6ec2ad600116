package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.JORDAN;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.DemoPeople.SAM;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Presence: online means activity (an API call, an open socket) in the last five minutes. The conversation
 * list shows the counterpart's state, and changes reach the counterparts as presence events. The domain's
 * sweep runs every few seconds (Deployment), so going offline is tested by moving last_seen_at back.
 */
@ExtendWith(PayaraServer.class)
class PresenceIT {

    static final Duration WITHIN = Duration.ofSeconds(20);

    final Api api;
    final Sql sql;
    final SeededPeople people;

    PresenceIT(Api api, Sql sql, SeededPeople people) {
        this.api = api;
        this.sql = sql;
        this.people = people;
    }

    @Test
    void theConversationListShowsWhetherTheCounterpartIsOnline() {
        assertEquals(200, api.get(ALEX, "/me").status());
        assertEquals(200, api.get(JORDAN, "/me").status());
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Lee Quiet");
        var client = people.client(RIVERSIDE, "Quinn Quiet", false);
        people.portal(client, "self", "Quinn Quiet");
        api.start(practitioner, client.id().toString());
        assertAll(
                () -> assertTrue(online(api.conversationWith(RIVERA, ALEX.displayName)), "Alex was active just now"),
                () -> assertTrue(online(api.conversationWith(RIVERA, SAM)), "a minor's thread: their guardian was active"),
                () -> assertTrue(online(api.conversationWith(ALEX, RIVERA.displayName)), "Dr. Rivera listed just now"),
                () -> assertFalse(online(api.conversationWith(practitioner, "Quinn Quiet")), "never active"));
    }

    @Test
    void comingOnlineAndGoingOfflineArePushedToWhoeverSharesAConversation() throws Exception {
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Ari Present");
        var client = people.client(RIVERSIDE, "Robin Present", false);
        var portal = people.portal(client, "self", "Robin Present");
        var conversation = api.start(practitioner, client.id().toString());
        var bearer = Map.of("Authorization", "Bearer " + api.identityProvider().token(practitioner));
        try (var socket = SocketClient.open(api.socket("after=0"), bearer)) {
            assertEquals(200, api.get(portal, "/me").status());
            var cameOnline = presence(socket, portal, true);
            assertAll(
                    () -> assertEquals(conversation, cameOnline.getString("conversationId")),
                    () -> assertTrue(cameOnline.getJsonObject("facts").getBoolean("counterpartOnline")),
                    () -> assertTrue(online(api.conversationWith(practitioner, "Robin Present"))));

            sql.update("UPDATE presence SET last_seen_at = now() - interval '6 minutes' WHERE account_id = ?", portal.id());
            var wentOffline = presence(socket, portal, false);
            assertAll(
                    () -> assertEquals(conversation, wentOffline.getString("conversationId")),
                    () -> assertFalse(wentOffline.getJsonObject("facts").getBoolean("counterpartOnline")),
                    () -> assertFalse(online(api.conversationWith(practitioner, "Robin Present"))));
        }
        var portalStream = api.get(portal, "/events?after=0").json().getJsonArray("events").getValuesAs(JsonObject.class);
        assertTrue(portalStream.stream().anyMatch(e -> isPresence(e, practitioner.id().toString(), true)),
                "the client's side heard that the practitioner came online: " + portalStream);
    }

    static boolean online(JsonObject conversation) {
        return conversation.getJsonObject("counterpart").getBoolean("online");
    }

    @Test
    void aColleagueHearsThatTheOtherPractitionerCameOnline() throws Exception {
        var first = people.practitioner(RIVERSIDE, "Dr. Kim Colleague");
        var second = people.practitioner(RIVERSIDE, "Dr. Noor Colleague");
        var started = api.post(first, "/conversations",
                jakarta.json.Json.createObjectBuilder().add("practitionerId", second.id().toString()).build());
        assertEquals(201, started.status(), started::toString);
        var conversation = started.json().getString("id");
        var bearer = Map.of("Authorization", "Bearer " + api.identityProvider().token(first));
        try (var socket = SocketClient.open(api.socket("after=0"), bearer)) {
            assertEquals(200, api.get(second, "/me").status());
            var cameOnline = presence(socket, second, true);
            assertAll(
                    () -> assertEquals(conversation, cameOnline.getString("conversationId")),
                    () -> assertTrue(cameOnline.getJsonObject("facts").getBoolean("counterpartOnline")),
                    () -> assertTrue(online(api.conversationWith(first, "Dr. Noor Colleague"))));
        }
    }

    static JsonObject presence(SocketClient socket, Caller of, boolean online) {
        var id = ((SeededPeople.Person) of).id().toString();
        List<JsonObject> events = SocketClient.events(
                socket.framesUntil(e -> e.stream().anyMatch(event -> isPresence(event, id, online)), WITHIN));
        return events.stream().filter(event -> isPresence(event, id, online)).findFirst().orElseThrow();
    }

    static boolean isPresence(JsonObject event, String account, boolean online) {
        return event.getString("type").equals("presence")
                && event.getJsonObject("facts").getString("accountId").equals(account)
                && event.getJsonObject("facts").getBoolean("online") == online;
    }
}
