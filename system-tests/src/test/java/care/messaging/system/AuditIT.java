package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERA;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the audit trail records, as the EAR on Payara Server writes it: who did what to which record, from
 * where, under which request id; refusals even though their transaction rolled back; rejected tokens; and
 * what an admin's export shows. Rows are found by the X-Request-Id each test sends.
 */
@ExtendWith(PayaraServer.class)
class AuditIT {

    static final UUID NO_PRACTICE = new UUID(0, 0);

    final Api api;
    final AuditTable audit;

    AuditIT(Api api, TestDatabase database) {
        this.api = api;
        this.audit = new AuditTable(database);
    }

    @Test
    void aSendAndAReadAreRecordedWithActorPracticeTargetsAddressAndRequestIdButNeverTheText() {
        var thread = api.conversationWith(RIVERA, ALEX.displayName);
        var id = thread.getString("id");
        var marker = "audit-marker-" + UUID.randomUUID();
        var sendId = requestId("send");
        var readId = requestId("read");

        var sent = as(ALEX, "POST", "/conversations/" + id + "/messages", message("<p>" + marker + "</p>"), sendId);
        var read = as(RIVERA, "GET", "/conversations/" + id + "/messages", null, readId);

        assertEquals(201, sent.status(), sent::toString);
        assertEquals(200, read.status(), read::toString);
        assertEquals(sendId, sent.header("X-Request-Id"), "the request id is echoed");
        var alex = me(ALEX);
        var clientId = uuid(thread.getJsonObject("counterpart").getString("id"));
        var create = audit.rowOf(sendId);
        assertAll(
                () -> assertEquals("message.create", create.get("action")),
                () -> assertEquals("success", create.get("outcome")),
                () -> assertEquals(uuid(alex.getString("id")), create.get("actor_id")),
                () -> assertEquals("client", create.get("actor_role")),
                () -> assertEquals(practiceOf(alex), create.get("practice_id")),
                () -> assertEquals(uuid(id), create.get("conversation_id")),
                () -> assertEquals(uuid(sent.json().getString("id")), create.get("message_id")),
                () -> assertEquals(clientId, create.get("client_id")),
                () -> assertEquals("127.0.0.1", create.get("source_address")),
                () -> assertEquals(sendId, create.get("request_id")));
        var reading = audit.rowOf(readId);
        assertAll(
                () -> assertEquals("conversation.read", reading.get("action")),
                () -> assertEquals("success", reading.get("outcome")),
                () -> assertEquals(uuid(me(RIVERA).getString("id")), reading.get("actor_id")),
                () -> assertEquals("practitioner", reading.get("actor_role")),
                () -> assertEquals(practiceOf(alex), reading.get("practice_id")),
                () -> assertEquals(uuid(id), reading.get("conversation_id")),
                () -> assertEquals(clientId, reading.get("client_id")),
                () -> assertNull(reading.get("message_id")),
                () -> assertEquals("127.0.0.1", reading.get("source_address")));
        assertEquals(0, audit.rowsMentioning(marker), "no message text in the audit trail");
    }

    @Test
    void aRetriedSendIsRecordedAsReplayedOfTheOriginalMessage() {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var body = message("<p>Same message twice</p>");
        var first = requestId("first");
        var retry = requestId("retry");

        assertEquals(201, as(ALEX, "POST", "/conversations/" + id + "/messages", body, first).status());
        assertEquals(200, as(ALEX, "POST", "/conversations/" + id + "/messages", body, retry).status());

        assertEquals("success", audit.rowOf(first).get("outcome"));
        assertEquals("replayed", audit.rowOf(retry).get("outcome"));
        assertEquals("message.create", audit.rowOf(retry).get("action"));
        assertEquals(audit.rowOf(first).get("message_id"), audit.rowOf(retry).get("message_id"));
    }

    @Test
    void aRefusedReadOfAnotherPracticesConversationIsRecordedThoughItsTransactionRolledBack() {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var requestId = requestId("probe");

        assertProblem(404, "not-found", as(OKAFOR, "GET", "/conversations/" + id + "/messages", null, requestId));

        var okafor = me(OKAFOR);
        var denied = audit.rowOf(requestId);
        assertAll(
                () -> assertEquals("access.denied", denied.get("action")),
                () -> assertEquals("conversation.read", denied.get("attempted_action")),
                () -> assertEquals("denied", denied.get("outcome")),
                () -> assertEquals("not-found", denied.get("reason")),
                () -> assertEquals(uuid(okafor.getString("id")), denied.get("actor_id")),
                () -> assertEquals(practiceOf(okafor), denied.get("practice_id")),
                () -> assertEquals(uuid(id), denied.get("conversation_id")));
    }

    @Test
    void onlyAdminsReviewTheTrailAndEveryRefusalIsRecorded() {
        var verify = requestId("verify");
        var export = requestId("export");

        assertProblem(403, "wrong-role", as(RIVERA, "GET", "/admin/audit/verification", null, verify));
        assertProblem(403, "wrong-role", as(ALEX, "GET", "/admin/audit/events?" + lastHour(), null, export));

        assertEquals("access.denied", audit.rowOf(verify).get("action"));
        assertEquals("audit.verify", audit.rowOf(verify).get("attempted_action"));
        assertEquals("wrong-role", audit.rowOf(verify).get("reason"));
        assertEquals("audit.export", audit.rowOf(export).get("attempted_action"));
    }

    @Test
    void anAdminExportsAnAccountsEventsAsJsonAndTheExportIsItselfRecorded() {
        var alex = me(ALEX);
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var sendId = requestId("send");
        assertEquals(201, as(ALEX, "POST", "/conversations/" + id + "/messages", message("<p>For the export</p>"), sendId).status());
        var exportId = requestId("export");

        var reply = as(PARK, "GET", "/admin/audit/events?" + lastHour() + "&accountId=" + alex.getString("id"), null, exportId);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("application/json", reply.mediaType());
        var events = reply.array().getValuesAs(JsonObject.class);
        assertTrue(events.stream().allMatch(e -> alex.getString("id").equals(text(e, "actorId"))
                || alex.getString("id").equals(text(e, "accountId"))), reply::toString);
        assertTrue(events.stream().anyMatch(e -> sendId.equals(text(e, "requestId"))
                && "message.create".equals(text(e, "action")) && id.equals(text(e, "conversationId"))), reply::toString);
        var exported = audit.rowOf(exportId);
        assertAll(
                () -> assertEquals("audit.export", exported.get("action")),
                () -> assertEquals(uuid(me(PARK).getString("id")), exported.get("actor_id")),
                () -> assertEquals(uuid(alex.getString("id")), exported.get("subject_account_id")));
    }

    @Test
    void aClientsEventsExportAsCsvWithCellsThatLookLikeFormulasDefused() {
        var thread = api.conversationWith(RIVERA, ALEX.displayName);
        var id = thread.getString("id");
        var clientId = thread.getJsonObject("counterpart").getString("id");
        // A plain token may start with '-', which a spreadsheet takes for a formula: the caller controls it.
        var sendId = "-" + requestId("formula");
        assertEquals(201, as(RIVERA, "POST", "/conversations/" + id + "/messages", message("<p>Hello</p>"), sendId).status());

        var reply = api.call(api.identityProvider().token(PARK), "GET", "/admin/audit/events?" + lastHour() + "&clientId=" + clientId,
                null, Map.of("Accept", "text/csv"));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("text/csv", reply.mediaType());
        var lines = reply.body().split("\r\n");
        assertEquals("practiceId,no,at,actorId,actorRole,subject,action,attemptedAction,outcome,reason,conversationId,"
                + "messageId,clientId,accountId,sourceAddress,requestId,hash", lines[0]);
        var rows = Arrays.stream(lines).skip(1).map(line -> line.split(",", -1)).toList();
        assertTrue(rows.stream().allMatch(cells -> cells.length == 17 && cells[12].equals(clientId)), reply::body);
        assertTrue(rows.stream().anyMatch(cells -> cells[15].equals("'" + sendId) && cells[6].equals("message.create")), reply::body);
        assertTrue(rows.stream().flatMap(Arrays::stream).noneMatch(cell -> cell.startsWith("-")), reply::body);
    }

    @Test
    void exportsAreBoundedInTimeAndStayInsideThePractice() {
        var now = Instant.now();
        assertProblem(400, "missing-range", api.get(PARK, "/admin/audit/events"));
        assertProblem(400, "range-too-long", api.get(PARK, "/admin/audit/events?from=" + now.minus(Duration.ofDays(367)) + "&to=" + now));
        assertProblem(400, "invalid-format", api.get(PARK, "/admin/audit/events?" + lastHour() + "&format=xml"));
        assertProblem(404, "not-found", api.get(PARK, "/admin/audit/events?" + lastHour() + "&accountId=" + me(OKAFOR).getString("id")));
    }

    @Test
    void anExpiredTokenIsRecordedAsTokenRejected() {
        var requestId = requestId("expired");

        var reply = api.call(api.identityProvider().expiredToken(ALEX), "GET", "/conversations", null, Map.of("X-Request-Id", requestId));

        assertProblem(401, "invalid-token", reply);
        var rejected = audit.rowOf(requestId);
        assertAll(
                () -> assertEquals("token.rejected", rejected.get("action")),
                () -> assertEquals("expired", rejected.get("reason")),
                () -> assertEquals("denied", rejected.get("outcome")),
                () -> assertEquals(ALEX.username, rejected.get("subject"), "the claimed subject, never the token"),
                () -> assertNull(rejected.get("actor_id"), "an unverified claim names no account"),
                () -> assertEquals(NO_PRACTICE, rejected.get("chain")),
                () -> assertEquals("127.0.0.1", rejected.get("source_address")));
        assertEquals(requestId, reply.header("X-Request-Id"));
    }

    @Test
    void aTokenWhoseSubjectHasNoAccountIsRecordedAsTokenRejected() {
        var subject = "unknown-" + UUID.randomUUID();
        var requestId = requestId("unknown");

        var reply = api.call(api.identityProvider().token(subject, "client"), "GET", "/me", null, Map.of("X-Request-Id", requestId));

        assertProblem(401, "unknown-account", reply);
        var rejected = audit.rowOf(requestId);
        assertAll(
                () -> assertEquals("token.rejected", rejected.get("action")),
                () -> assertEquals("account.me", rejected.get("attempted_action")),
                () -> assertEquals("unknown-account", rejected.get("reason")),
                () -> assertEquals(subject, rejected.get("subject")),
                () -> assertEquals(NO_PRACTICE, rejected.get("chain")));
    }

    @Test
    void tokensWithoutGroupsOrSignedByAnotherKeyAreRecordedAsTokenRejected() {
        var withoutGroups = requestId("no-groups");
        var stranger = requestId("stranger");

        var noGroups = api.call(api.identityProvider().tokenWithoutGroups(ALEX), "GET", "/conversations", null,
                Map.of("X-Request-Id", withoutGroups));
        var signedElsewhere = api.call(api.identityProvider().tokenSignedByAnotherKey(ALEX), "GET", "/conversations", null,
                Map.of("X-Request-Id", stranger));

        assertEquals(401, noGroups.status(), noGroups::toString);
        assertProblem(401, "invalid-token", signedElsewhere);
        assertEquals("token.rejected", audit.rowOf(withoutGroups).get("action"));
        // Refused by the server's MP-JWT check, or let through and refused by the directory: audited either way.
        assertTrue(Set.of("no-groups", "no-role").contains(audit.rowOf(withoutGroups).get("reason")), audit.rowOf(withoutGroups)::toString);
        assertEquals("bad-signature", audit.rowOf(stranger).get("reason"));
    }

    Api.Reply as(DemoPeople person, String method, String path, String body, String requestId) {
        return api.call(api.identityProvider().token(person), method, path, body, Map.of("X-Request-Id", requestId));
    }

    JsonObject me(DemoPeople person) {
        return api.get(person, "/me").json();
    }

    static UUID practiceOf(JsonObject me) {
        return uuid(me.getJsonObject("practice").getString("id"));
    }

    static String message(String html) {
        return Json.createObjectBuilder().add("clientMessageId", UUID.randomUUID().toString()).add("html", html).build().toString();
    }

    static String lastHour() {
        var now = Instant.now();
        return "from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofHours(1));
    }

    static String requestId(String what) {
        return "audit-it-" + what + "-" + UUID.randomUUID();
    }

    static String text(JsonObject object, String name) {
        return Api.isNull(object, name) ? null : object.getString(name);
    }

    static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
