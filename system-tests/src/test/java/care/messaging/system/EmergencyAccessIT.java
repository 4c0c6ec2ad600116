package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.CHEN;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.DemoPeople.ROBIN;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Break-glass: an admin opens a conversation of their practice they are not part of only with a reason,
 * for one hour, read-only; the practitioner sees that it happened, when and by whom.
 */
@ExtendWith(PayaraServer.class)
class EmergencyAccessIT {

    final Api api;
    final Sql sql;

    EmergencyAccessIT(Api api, Sql sql) {
        this.api = api;
        this.sql = sql;
    }

    @Test
    void anAdminReadsAConversationOnlyWithAReasonForAnHourAndThePractitionerSeesIt() {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        assertEquals(404, api.get(PARK, "/conversations/" + conversation + "/messages").status(), "no access without a grant");
        var listed = api.get(PARK, "/admin/conversations");
        assertEquals(200, listed.status(), listed::toString);
        assertTrue(listed.body().contains(conversation), "the admin finds the conversation without opening it");
        assertFalse(listed.body().contains("lastMessagePreview") || listed.body().contains("html"), "no content in the admin list");

        assertEquals(400, grant(PARK, conversation, null).status());
        var tooShort = grant(PARK, conversation, "urgent");
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("reason-required"), tooShort::toString);
        assertEquals(0L, sql.value("SELECT count(*) FROM emergency_access WHERE conversation_id = ?::uuid", UUID.fromString(conversation)));

        var reason = "Client at risk, practitioner unreachable " + UUID.randomUUID();
        var granted = grant(PARK, conversation, reason);
        assertEquals(201, granted.status(), granted::toString);
        var grant = granted.json();
        var from = OffsetDateTime.parse(grant.getString("grantedAt"));
        var until = OffsetDateTime.parse(grant.getString("expiresAt"));
        assertEquals(Duration.ofHours(1), Duration.between(from, until));

        var read = api.get(PARK, "/conversations/" + conversation + "/messages");
        assertEquals(200, read.status(), read::toString);
        assertEquals(api.messages(RIVERA, conversation).size(), read.array().size());
        var audited = sql.query("SELECT e.action, e.outcome, e.client_id FROM audit_event e JOIN account a ON a.id = e.actor_id"
                + " WHERE a.username = ? AND e.conversation_id = ?::uuid AND e.action LIKE 'emergency.%'", PARK.username, UUID.fromString(conversation));
        assertTrue(audited.stream().anyMatch(r -> r.get("action").equals("emergency.grant")), audited::toString);
        assertTrue(audited.stream().anyMatch(r -> r.get("action").equals("emergency.read") && r.get("client_id") != null),
                "every read under emergency access is audited as such: " + audited);
        assertEquals(0L, sql.value("SELECT count(*) FROM audit_event e JOIN account a ON a.id = e.actor_id"
                + " WHERE a.username = ? AND e.action = 'conversation.read'", PARK.username), "never as an ordinary read");
        assertEquals(404, api.send(PARK, conversation, UUID.randomUUID().toString(), "<p>an admin cannot write</p>").status());
        assertEquals(404, api.markRead(PARK, conversation, 1).status());

        var seen = api.get(RIVERA, "/conversations/" + conversation + "/emergency-access");
        assertEquals(200, seen.status(), seen::toString);
        var access = seen.array().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("id").equals(grant.getString("id"))).findFirst().orElseThrow();
        assertAll(
                () -> assertEquals(PARK.displayName, access.getJsonObject("grantedBy").getString("displayName")),
                () -> assertEquals(reason, access.getString("reason")),
                () -> assertTrue(access.getBoolean("active")),
                () -> assertEquals(from, OffsetDateTime.parse(access.getString("grantedAt"))));
        var summary = api.conversation(RIVERA, conversation);
        assertEquals(from, OffsetDateTime.parse(summary.getString("lastEmergencyAccessAt")), summary::toString);
        assertTrue(Api.isNull(api.conversation(ALEX, conversation), "lastEmergencyAccessAt"), "the client side is not told");
        assertEquals(403, api.get(ALEX, "/conversations/" + conversation + "/emergency-access").status());
        assertEquals(404, api.get(CHEN, "/conversations/" + conversation + "/emergency-access").status());

        var stored = (String) sql.value("SELECT e::text FROM emergency_access e WHERE id = ?::uuid", UUID.fromString(grant.getString("id")));
        assertFalse(stored.contains("practitioner unreachable"), "the reason is stored encrypted");

        sql.update("UPDATE emergency_access SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'"
                + " WHERE id = ?::uuid", UUID.fromString(grant.getString("id")));
        assertEquals(404, api.get(PARK, "/conversations/" + conversation + "/messages").status(), "the access has expired");
        assertFalse(api.get(RIVERA, "/conversations/" + conversation + "/emergency-access").array()
                .getJsonObject(0).getBoolean("active"));
    }

    @Test
    void onlyAnAdminOfThePracticeCanOpenIt() {
        var theirs = api.conversationWith(OKAFOR, ROBIN.displayName).getString("id");
        assertEquals(404, grant(PARK, theirs, "Another practice's conversation, refused").status());
        var own = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        assertEquals(403, grant(RIVERA, own, "A practitioner cannot break the glass").status());
        assertEquals(403, grant(ALEX, own, "A client cannot break the glass either").status());
        assertEquals(403, api.get(RIVERA, "/admin/conversations").status());
    }

    private Api.Reply grant(DemoPeople as, String conversation, String reason) {
        var body = Json.createObjectBuilder();
        if (reason != null) {
            body.add("reason", reason);
        }
        return api.post(as, "/conversations/" + conversation + "/emergency-access", body.build());
    }
}
