package care.messaging.system;

import static care.messaging.system.DemoPeople.CHEN;
import static care.messaging.system.DemoPeople.OKAFOR;
import static care.messaging.system.Problems.assertProblem;
import static care.messaging.system.StoredText.assertStoredNowhere;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drafts live on the server, encrypted: any device of the writer restores one, nobody else sees it, a
 * send clears it, and its events say only that there is one.
 */
@ExtendWith(PayaraServer.class)
class DraftsIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;
    final EventStream events;

    DraftsIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
        this.events = new EventStream(api);
    }

    @Test
    void aDraftIsStoredOnlyEncryptedAndEveryDeviceOfItsWriterRestoresIt() {
        var thread = SeededThread.start(api, people, "Dr. Imogen Vale", "Rowan Ashby");
        var writer = thread.practitioner();
        var marker = "Draftmarker-" + UUID.randomUUID();
        var writerFrom = events.end(writer);
        var clientFrom = events.end(thread.portal());

        var saved = save(writer, thread, "<p>" + marker + "<script>steal()</script></p>", null);
        assertEquals(200, saved.status(), saved::toString);
        assertEquals("<p>" + marker + "</p>", saved.json().getString("html"), "sanitized like a message");

        // Another device: a fresh token, nothing shared but the account.
        var restored = api.call(api.identityProvider().token(writer), "GET", draftPath(thread), null);
        assertEquals(200, restored.status(), restored::toString);
        assertEquals(saved.json(), restored.json());
        var listed = api.conversation(writer, thread.id());
        assertTrue(listed.getBoolean("hasDraft"), listed::toString);
        assertFalse(listed.toString().contains(marker), "the list says there is a draft, never what it says");

        var otherSide = api.get(thread.portal(), draftPath(thread));
        assertTrue(Api.isNull(otherSide.json(), "html"), "a draft is its writer's alone: " + otherSide);
        assertFalse(api.conversation(thread.portal(), thread.id()).getBoolean("hasDraft"));

        var changed = EventStream.only(events.after(writer, writerFrom), "draft.changed", thread.id());
        assertTrue(changed.getJsonObject("facts").getBoolean("hasDraft"), changed::toString);
        assertFalse(changed.toString().contains(marker));
        assertTrue(EventStream.of(events.after(thread.portal(), clientFrom), "draft.changed", thread.id()).isEmpty());

        assertStoredNowhere(sql, marker);
        var row = sql.query("SELECT draft, draft_key FROM conversation_state WHERE conversation_id = ?::uuid AND account_id = ?",
                thread.id(), writer.id()).get(0);
        var ciphertext = (byte[]) row.get("draft");
        assertEquals(row.get("draft_key"), ByteBuffer.wrap(ciphertext, 1, 4).getInt(), "Tink's prefix names the key");
        assertAll(
                () -> assertTrue(audited("draft.save", thread, writer) >= 1),
                () -> assertTrue(audited("draft.read", thread, writer) >= 1));
    }

    @Test
    void sendingClearsTheSendersDraftOnEveryDeviceButNotTheOtherSides() {
        var thread = SeededThread.start(api, people, "Dr. Felix Marsh", "Quinn Abbott");
        var writer = thread.practitioner();
        assertEquals(200, save(writer, thread, "<p>Almost ready</p>", null).status());
        assertEquals(200, save(thread.portal(), thread, "<p>The client draft</p>", null).status());
        var from = events.end(writer);

        assertEquals(201, api.send(writer, thread.id(), UUID.randomUUID().toString(), "<p>Almost ready</p>").status());

        assertTrue(Api.isNull(api.get(writer, draftPath(thread)).json(), "html"), "the sent draft is gone");
        assertFalse(api.conversation(writer, thread.id()).getBoolean("hasDraft"));
        var cleared = EventStream.only(events.after(writer, from), "draft.changed", thread.id());
        assertFalse(cleared.getJsonObject("facts").getBoolean("hasDraft"), cleared::toString);
        assertEquals("<p>The client draft</p>", api.get(thread.portal(), draftPath(thread)).json().getString("html"),
                "the other side's draft is theirs and stays");
    }

    @Test
    void aLateAutosaveOfADraftAlreadySentDoesNotBringItBack() {
        var thread = SeededThread.start(api, people, "Dr. Nora Quill", "Sasha Brandt");
        var writer = thread.practitioner();
        var clientMessageId = UUID.randomUUID().toString();
        assertEquals(200, save(writer, thread, "<p>See you Tuesday</p>", clientMessageId).status());
        assertEquals(201, api.send(writer, thread.id(), clientMessageId, "<p>See you Tuesday</p>").status());

        var late = save(writer, thread, "<p>See you Tuesday</p>", clientMessageId);

        assertEquals(200, late.status(), late::toString);
        assertTrue(Api.isNull(late.json(), "html"), late::toString);
        assertTrue(Api.isNull(api.get(writer, draftPath(thread)).json(), "html"));
        var next = save(writer, thread, "<p>A new message</p>", UUID.randomUUID().toString());
        assertEquals("<p>A new message</p>", next.json().getString("html"), "the next composition saves as usual");
    }

    @Test
    void repeatingASaveAnswersTheSameAndAnEmptyDraftIsNone() {
        var thread = SeededThread.start(api, people, "Dr. Ada Penrose", "Morgan Tate");
        var writer = thread.practitioner();
        var first = save(writer, thread, "<p>Same words</p>", null).json();
        var from = events.end(writer);

        var again = save(writer, thread, "<p>Same words</p>", null).json();

        assertEquals(first, again, "the same state, the same updatedAt");
        assertTrue(events.after(writer, from).isEmpty(), "nothing changed, nobody is told");
        var emptied = save(writer, thread, "<p> </p><p><img src=x></p>", null);
        assertEquals(200, emptied.status(), emptied::toString);
        assertTrue(Api.isNull(emptied.json(), "html"));
        assertTrue(Api.isNull(emptied.json(), "updatedAt"));
        assertEquals(204, api.delete(writer, draftPath(thread)).status());
        assertEquals(204, api.delete(writer, draftPath(thread)).status());
        var after = events.after(writer, from);
        assertEquals(1, EventStream.of(after, "draft.changed", thread.id()).size(), "only the emptying save changed something: " + after);
        assertTrue(Api.isNull(api.get(writer, draftPath(thread)).json(), "html"));
    }

    @Test
    void refusedSavesChangeNothing() {
        var thread = SeededThread.start(api, people, "Dr. Hugo Brand", "Kit Romero");
        var writer = thread.practitioner();
        var kept = save(writer, thread, "<p>Kept</p>", null).json();

        assertProblem(400, "message-too-long", save(writer, thread, "<p>" + "x".repeat(20_000) + "</p>", null));
        assertProblem(400, "invalid-client-message-id", save(writer, thread, "<p>Other</p>", "not-a-uuid"));
        assertProblem(400, "missing-body", api.call(api.identityProvider().token(writer), "PUT", draftPath(thread), null));
        for (var outsider : new Caller[]{OKAFOR, CHEN}) {
            assertProblem(404, "not-found", api.get(outsider, draftPath(thread)));
            assertProblem(404, "not-found", save(outsider, thread, "<p>Other</p>", null));
            assertProblem(404, "not-found", api.delete(outsider, draftPath(thread)));
        }
        assertProblem(404, "not-found", api.get(writer, "/conversations/" + UUID.randomUUID() + "/draft"));

        assertEquals(kept, api.get(writer, draftPath(thread)).json());
        assertEquals(1L, sql.value("SELECT count(*) FROM conversation_state WHERE conversation_id = ?::uuid", thread.id()));
        assertTrue(((Number) sql.value("SELECT count(*) FROM audit_event WHERE action = 'access.denied'"
                + " AND attempted_action = 'draft.save' AND conversation_id = ?::uuid", thread.id())).longValue() >= 2);
    }

    @Test
    void aDischargedClientsThreadTakesNoNewDraft() {
        var thread = SeededThread.start(api, people, "Dr. Iris Kemp", "Tobin Grey");
        assertEquals(200, save(thread.practitioner(), thread, "<p>Before discharge</p>", null).status());
        people.discharge(thread.client());

        assertProblem(409, "client-discharged", save(thread.practitioner(), thread, "<p>After</p>", null));
        assertEquals("<p>Before discharge</p>", api.get(thread.practitioner(), draftPath(thread)).json().getString("html"));
        assertEquals(204, api.delete(thread.practitioner(), draftPath(thread)).status(), "their own draft can still go");
        assertProblem(404, "not-found", save(thread.portal(), thread, "<p>Hello?</p>", null));
    }

    @Test
    void savesPastTheBurstAreRefusedForAWhile() {
        var thread = SeededThread.start(api, people, "Dr. Lena Fox", "Ari Moss");
        var writer = thread.practitioner();
        Api.Reply refused = null;
        String lastAccepted = null;
        // A save may refill while the burst goes out on a slow machine: a few extra attempts are allowed.
        for (int i = 0; i < Deployment.DRAFT_RATE_CAPACITY + 5 && refused == null; i++) {
            var html = "<p>Typing " + i + "</p>";
            var reply = save(writer, thread, html, null);
            if (reply.status() == 200) {
                lastAccepted = html;
            } else {
                refused = reply;
            }
        }
        assertNotNull(refused, "no save was refused");
        assertProblem(429, "rate-limited", refused);
        var retryAfter = refused.header("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), refused::toString);
        assertEquals(lastAccepted, api.get(writer, draftPath(thread)).json().getString("html"), "the refused save stored nothing");
    }

    private Api.Reply save(Caller as, SeededThread thread, String html, String clientMessageId) {
        var body = Json.createObjectBuilder().add("html", html);
        if (clientMessageId != null) {
            body.add("clientMessageId", clientMessageId);
        }
        return api.put(as, draftPath(thread), body.build());
    }

    private static String draftPath(SeededThread thread) {
        return "/conversations/" + thread.id() + "/draft";
    }

    private long audited(String action, SeededThread thread, SeededPeople.Person actor) {
        return ((Number) sql.value("SELECT count(*) FROM audit_event WHERE action = ? AND conversation_id = ?::uuid"
                + " AND actor_id = ? AND outcome = 'success'", action, thread.id(), actor.id())).longValue();
    }
}
