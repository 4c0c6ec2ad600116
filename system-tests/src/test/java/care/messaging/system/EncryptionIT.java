package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.CHEN;
import static care.messaging.system.DemoPeople.IT_OPS;
import static care.messaging.system.DemoPeople.RIVERA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message bodies and previews are stored only as ciphertext bound to their row; a value that does not
 * open shows as unavailable without breaking anything else; IT rotates keys without downtime.
 */
@ExtendWith(PayaraServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptionIT {

    final Api api;
    final Sql sql;
    final ServerLog log;

    EncryptionIT(Api api, Sql sql, ServerLog log) {
        this.api = api;
        this.sql = sql;
        this.log = log;
    }

    @Test
    @Order(1)
    void noTableHoldsAnyTraceOfASentText() {
        var marker = "Zephyrine-" + UUID.randomUUID();
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        assertEquals(201, api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>" + marker + " <b>bold</b></p>").status());
        assertTrue(api.messages(ALEX, conversation).stream().anyMatch(m -> m.getString("html").contains(marker)),
                "the reader gets the text back");
        // A draft is PHI too: the reader starts a reply with the same words.
        assertEquals(200, saveDraft(ALEX, conversation, "<p>Re: " + marker + "</p>").status());

        var hex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8));
        var tables = sql.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        assertTrue(tables.size() >= 7, tables::toString);
        for (var table : tables) {
            var name = (String) table.get("tablename");
            // The whole row as text: bytea columns appear as hex, text columns as they are.
            var rows = sql.query("SELECT t::text AS row FROM \"" + name + "\" t");
            for (var row : rows) {
                var text = ((String) row.get("row")).toLowerCase();
                assertFalse(text.contains(marker.toLowerCase()) || text.contains(hex), "table " + name + " holds the text");
            }
        }
        var stored = sql.query("SELECT body, body_key FROM message m JOIN conversation c ON c.id = m.conversation_id"
                + " WHERE c.id = ?::uuid ORDER BY seq DESC LIMIT 1", conversation).get(0);
        var body = (byte[]) stored.get("body");
        assertEquals(1, body[0], "Tink's prefix: version byte");
        assertEquals(stored.get("body_key"), java.nio.ByteBuffer.wrap(body, 1, 4).getInt(), "the ciphertext names its key");
    }

    @Test
    @Order(2)
    void aTamperedBodyShowsAsUnavailableAndNothingElseBreaks() {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var first = send(conversation, "first of two");
        var second = send(conversation, "second of two");
        var original = (byte[]) sql.value("SELECT body FROM message WHERE id = ?::uuid", first);
        try {
            var tampered = original.clone();
            tampered[tampered.length - 3] ^= 0x20;
            sql.update("UPDATE message SET body = ? WHERE id = ?::uuid", tampered, first);
            assertUnavailableAlone(conversation, first, second);
            assertTrue(log.read().contains("SECURITY: message.body of row " + first), "a security event is logged");

            // A valid ciphertext of another row is refused too: associated data binds it to its row.
            var other = (byte[]) sql.value("SELECT body FROM message WHERE id = ?::uuid", second);
            sql.update("UPDATE message SET body = ? WHERE id = ?::uuid", other, first);
            assertUnavailableAlone(conversation, first, second);
        } finally {
            sql.update("UPDATE message SET body = ? WHERE id = ?::uuid", original, first);
        }
        assertEquals("<p>first of two</p>", message(ALEX, conversation, first).getString("html"));
    }

    @Test
    @Order(3)
    void aTamperedPreviewLeavesTheConversationListWhole() {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        send(conversation, "preview to tamper with");
        var original = (byte[]) sql.value("SELECT preview FROM conversation WHERE id = ?::uuid", conversation);
        try {
            var tampered = original.clone();
            tampered[10] ^= 0x01;
            sql.update("UPDATE conversation SET preview = ? WHERE id = ?::uuid", tampered, conversation);
            var inbox = api.inbox(RIVERA);
            var broken = inbox.stream().filter(c -> c.getString("id").equals(conversation)).findFirst().orElseThrow();
            assertTrue(Api.isNull(broken, "lastMessagePreview"), broken::toString);
            assertTrue(inbox.stream().filter(c -> !c.getString("id").equals(conversation))
                    .allMatch(c -> !Api.isNull(c, "lastMessagePreview")), "the other previews still show");
        } finally {
            sql.update("UPDATE conversation SET preview = ? WHERE id = ?::uuid", original, conversation);
        }
        assertEquals("preview to tamper with", api.conversationWith(RIVERA, ALEX.displayName).getString("lastMessagePreview"));
    }

    @Test
    @Order(4)
    void onlyHospitalItManagesKeys() {
        for (var person : List.of(RIVERA, DemoPeople.PARK, ALEX)) {
            var reply = api.get(person, "/admin/keys");
            assertEquals(403, reply.status(), person + ": " + reply);
            assertEquals(403, api.post(person, "/admin/keys/rotation").status());
        }
        assertEquals(404, api.delete(IT_OPS, "/admin/keys/999").status());
    }

    @Test
    @Order(5)
    void rotationWritesWithTheNewKeyAtOnceAndReencryptsTheRestInTheBackground() {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var before = status();
        var oldPrimary = before.getInt("primary");
        assertTrue(total(before, oldPrimary) > 0, before::toString);
        // One value that does not open stays on its key, so the old key is still in use when we try to retire it.
        var stuck = send(conversation, "stays on the old key while broken");
        var original = (byte[]) sql.value("SELECT body FROM message WHERE id = ?::uuid", stuck);
        var broken = original.clone();
        broken[broken.length - 1] ^= 0x01;
        sql.update("UPDATE message SET body = ? WHERE id = ?::uuid", broken, stuck);

        // A draft saved before the rotation is re-encrypted like the messages (Alex never sends in this class).
        assertEquals(200, saveDraft(ALEX, conversation, "<p>a draft on the old key</p>").status());

        // An out-of-office reply is sealed like a message and moves with them (Dr. Chen's, far ahead: it answers nobody here).
        var day = java.time.LocalDate.now().plusDays(300);
        var away = api.post(CHEN, "/me/out-of-office", Json.createObjectBuilder().add("startsAt", day + "T09:00")
                .add("endsAt", day.plusDays(2) + "T09:00").add("timeZone", "Europe/Berlin").add("html", "<p>away on the old key</p>").build());
        assertEquals(201, away.status(), away::toString);
        var absence = away.json().getString("id");

        var rotated = api.post(IT_OPS, "/admin/keys/rotation");
        assertEquals(200, rotated.status(), rotated::toString);
        var newPrimary = rotated.json().getInt("primary");
        assertEquals(oldPrimary + 1, newPrimary);

        var fresh = send(conversation, "written right after the rotation");
        assertEquals(newPrimary, ((Number) sql.value("SELECT body_key FROM message WHERE id = ?::uuid", fresh)).intValue());

        var settled = awaitStatus(s -> s.getJsonNumber("rowsNotOnPrimary").longValue() == 1);
        assertEquals(1, total(settled, oldPrimary), "only the broken value is left on the old key: " + settled);
        var refused = api.delete(IT_OPS, "/admin/keys/" + oldPrimary);
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.body().contains("key-in-use"), refused::toString);
        var primaryRefused = api.delete(IT_OPS, "/admin/keys/" + newPrimary);
        assertEquals(409, primaryRefused.status());
        assertTrue(primaryRefused.body().contains("key-is-primary"), primaryRefused::toString);

        // Repaired, the value moves with the next rotation; then both old keys can go.
        sql.update("UPDATE message SET body = ? WHERE id = ?::uuid", original, stuck);
        var third = api.post(IT_OPS, "/admin/keys/rotation").json().getInt("primary");
        var done = awaitStatus(s -> s.getJsonNumber("rowsNotOnPrimary").longValue() == 0);
        assertEquals(third, done.getInt("primary"));
        assertAll(
                () -> assertEquals(0L, sql.value("SELECT count(*) FROM message WHERE body_key <> ?", third)),
                () -> assertEquals(0L, sql.value("SELECT count(*) FROM conversation WHERE preview_key <> ?", third)),
                () -> assertEquals(0L, sql.value("SELECT count(*) FROM conversation_state WHERE draft_key <> ?", third)),
                () -> assertEquals(0L, sql.value("SELECT count(*) FROM absence WHERE reply_key <> ?", third)));
        for (var old : List.of(oldPrimary, newPrimary)) {
            var retired = api.delete(IT_OPS, "/admin/keys/" + old);
            assertEquals(200, retired.status(), retired::toString);
        }
        var keys = status().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertEquals(List.of(third), keys.stream().map(k -> k.getInt("id")).toList());
        assertAll(api.messages(ALEX, conversation).stream().map(m -> () ->
                assertFalse(m.getBoolean("unavailable"), m::toString)));
        assertEquals("<p>stays on the old key while broken</p>", message(RIVERA, conversation, stuck).getString("html"));
        assertEquals("<p>a draft on the old key</p>",
                api.get(ALEX, "/conversations/" + conversation + "/draft").json().getString("html"));
        var periods = api.get(CHEN, "/me/out-of-office");
        assertTrue(periods.body().contains("<p>away on the old key</p>"), periods::toString);
        assertEquals(204, api.delete(CHEN, "/me/out-of-office/" + absence).status());
    }

    @Test
    @Order(6)
    void itRunsKeyOperationsFromTheAdminCommand() throws Exception {
        var token = api.identityProvider().token(IT_OPS);
        var status = AdminCommand.run(api, token, "keys", "status");
        assertEquals(0, status.exit(), status::output);
        assertTrue(status.output().contains("\"rowsNotOnPrimary\":"), status::output);
        var unknown = AdminCommand.run(api, token, "keys", "retire", "999");
        assertEquals(3, unknown.exit(), unknown::output);
        assertTrue(unknown.output().contains("not-found"), unknown::output);
        var practitioner = AdminCommand.run(api, api.identityProvider().token(RIVERA), "keys", "rotate");
        assertEquals(3, practitioner.exit(), practitioner::output);
        assertTrue(practitioner.output().contains("wrong-role"), practitioner::output);
        assertEquals(2, AdminCommand.run(api, token, "keys", "retire", "one").exit(), "usage");
    }

    @Test
    @Order(7)
    void keyOperationsAreAudited() {
        var rows = sql.query("SELECT action, outcome FROM audit_event WHERE actor_role = 'operator' AND action LIKE 'keys.%'");
        assertTrue(rows.stream().anyMatch(r -> r.get("action").equals("keys.rotate") && r.get("outcome").equals("success")), rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.get("action").equals("keys.retire") && r.get("outcome").equals("success")), rows::toString);
        var denied = sql.query("SELECT attempted_action FROM audit_event WHERE action = 'access.denied' AND attempted_action LIKE 'keys.%'");
        assertTrue(denied.size() >= 3, "the practitioner's, admin's and client's attempts are recorded: " + denied);
    }

    private JsonObject status() {
        var reply = api.get(IT_OPS, "/admin/keys");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static long total(JsonObject status, int keyId) {
        return status.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getInt("id") == keyId)
                .mapToLong(k -> k.getJsonNumber("total").longValue())
                .sum();
    }

    private JsonObject awaitStatus(Predicate<JsonObject> condition) {
        var deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = status();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Key status did not settle within a minute: " + last);
    }

    private Api.Reply saveDraft(DemoPeople as, String conversation, String html) {
        return api.put(as, "/conversations/" + conversation + "/draft", Json.createObjectBuilder().add("html", html).build());
    }

    private String send(String conversation, String text) {
        var reply = api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>" + text + "</p>");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private JsonObject message(DemoPeople as, String conversation, String id) {
        return api.messages(as, conversation).stream().filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private void assertUnavailableAlone(String conversation, String broken, String intact) {
        for (var reader : List.of(ALEX, RIVERA)) {
            var bad = message(reader, conversation, broken);
            var good = message(reader, conversation, intact);
            assertAll(
                    () -> assertTrue(bad.getBoolean("unavailable"), bad::toString),
                    () -> assertTrue(Api.isNull(bad, "html"), bad::toString),
                    () -> assertFalse(good.getBoolean("unavailable"), good::toString),
                    () -> assertEquals("<p>second of two</p>", good.getString("html")));
        }
        assertEquals(200, api.get(RIVERA, "/conversations").status(), "the conversation list still answers");
    }
}
