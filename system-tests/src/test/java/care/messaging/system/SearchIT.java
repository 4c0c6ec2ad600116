package care.messaging.system;

import static care.messaging.system.DemoPeople.LAKESIDE;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERSIDE;
import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search on the EAR, black-box: messages by word and by word beginning, conversations by name, only ever
 * within the caller's own conversations, and the index table seen from the database holds no word.
 * Every test makes its own people and its own nonsense words, so it may run in any order.
 */
@ExtendWith(PayaraServer.class)
class SearchIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;
    final ServerLog log;

    SearchIT(Api api, SeededPeople people, Sql sql, ServerLog log) {
        this.api = api;
        this.people = people;
        this.sql = sql;
        this.log = log;
    }

    /** A practitioner, a client with a portal account of their own, and their conversation. */
    record Pair(SeededPeople.Person practitioner, SeededPeople.Person portal, String id) {
    }

    @Test
    void findsByWholeWordAndByThreeLetterBeginningButNotByTwoLetters() {
        var word = word();
        var t = thread(RIVERSIDE);
        var id = send(t.practitioner(), t.id(), "<p>Let's practise the <b>" + word + "</b> technique before Thursday</p>");

        assertEquals(List.of(id), ids(search(t.practitioner(), word)));
        assertEquals(List.of(id), ids(search(t.practitioner(), word.substring(0, 3))));
        assertEquals(List.of(id), ids(search(t.portal(), word.substring(0, 5) + " thurs")));
        assertEquals(List.of(), ids(search(t.practitioner(), word + " friday")), "every word must occur");
        assertProblem(400, "query-too-short", searchReply(t.practitioner(), word.substring(0, 2)));
        assertProblem(400, "query-too-short", searchReply(t.practitioner(), "a b c"));
    }

    @Test
    void aDeletedMessageIsNoLongerFoundAndItsIndexEntriesAreGone() {
        var word = word();
        var t = thread(RIVERSIDE);
        var id = send(t.practitioner(), t.id(), "<p>Soon deleted " + word + "</p>");
        assertEquals(List.of(id), ids(search(t.portal(), word)));
        var deleted = api.delete(t.practitioner(), "/conversations/" + t.id() + "/messages/" + id);
        assertEquals(200, deleted.status(), deleted::toString);

        assertEquals(List.of(), ids(search(t.portal(), word)), "the sender deleted it: search finds it no more");
        assertEquals(List.of(), ids(search(t.practitioner(), word.substring(0, 4))));
        assertEquals(0L, sql.value("SELECT count(*) FROM search_term WHERE message_id = CAST(? AS uuid)", id),
                "its index entries went with its text");
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        var word = word();
        var t = thread(RIVERSIDE);
        var id = send(t.portal(), t.id(), "<p>Le café près de l'École " + word + "</p>");

        assertEquals(List.of(id), ids(search(t.practitioner(), "CAFE ecole")));
        assertEquals(List.of(id), ids(search(t.practitioner(), "Café PRÈS")));
        assertEquals(List.of(id), ids(search(t.practitioner(), "ÉCO " + word.toUpperCase())));
    }

    @Test
    void neverReturnsAnotherPracticesOrAnotherPractitionersMessagesWithTheSameWord() {
        var word = word();
        var mine = thread(RIVERSIDE);
        var colleague = thread(RIVERSIDE);
        var otherPractice = thread(LAKESIDE);
        var myClientsOther = people.client(RIVERSIDE, "Other Client", false);
        var sibling = api.start(mine.practitioner(), myClientsOther.id().toString());
        var inMine = send(mine.practitioner(), mine.id(), "<p>" + word + " one</p>");
        var inSibling = send(mine.practitioner(), sibling, "<p>" + word + " two</p>");
        var inColleagues = send(colleague.practitioner(), colleague.id(), "<p>" + word + " three</p>");
        var inOtherPractice = send(otherPractice.portal(), otherPractice.id(), "<p>" + word + " four</p>");

        assertEquals(List.of(inSibling, inMine), ids(search(mine.practitioner(), word)));
        assertEquals(List.of(inMine), ids(search(mine.portal(), word)), "a client sees their own thread only");
        assertEquals(List.of(inColleagues), ids(search(colleague.practitioner(), word)));
        assertEquals(List.of(inOtherPractice), ids(search(otherPractice.practitioner(), word)));
        assertEquals(List.of(inOtherPractice), ids(search(otherPractice.portal(), word.substring(0, 4))));
    }

    @Test
    void resultsCarryAPlainTextSnippetAroundTheMatchAndWhereItIs() {
        var word = word();
        var t = thread(RIVERSIDE);
        var filler = "Some earlier words about the week. ".repeat(6);
        var id = send(t.practitioner(), t.id(), "<p>" + filler + "</p><ul><li>the <i>" + word + "</i> exercise</li></ul><p>"
                + "More afterwards. ".repeat(12) + "</p>");

        var hit = search(t.portal(), word.substring(0, 4)).get(0);

        var snippet = hit.getString("snippet");
        var highlight = hit.getJsonArray("highlights").getJsonObject(0);
        assertAll(
                () -> assertEquals(id, hit.getString("messageId")),
                () -> assertEquals(t.id(), hit.getString("conversationId")),
                () -> assertEquals(1, hit.getJsonNumber("seq").longValue()),
                () -> assertEquals(t.practitioner().displayName(), hit.getJsonObject("sender").getString("displayName")),
                () -> assertEquals(api.messages(t.portal(), t.id()).get(0).getString("sentAt"), hit.getString("sentAt")),
                () -> assertTrue(snippet.contains("the " + word + " exercise"), snippet),
                () -> assertFalse(snippet.contains("<"), snippet),
                () -> assertTrue(snippet.startsWith("…") && snippet.endsWith("…"), snippet),
                () -> assertTrue(snippet.length() < 200, snippet),
                () -> assertEquals(word, snippet.substring(highlight.getInt("start"), highlight.getInt("end"))));
    }

    @Test
    void theIndexTableHoldsNoWordOfTheMessages() {
        var word = word();
        var t = thread(RIVERSIDE);
        var id = send(t.practitioner(), t.id(), "<p>Overwhelmed " + word + " insomnia</p>");

        var terms = sql.query("SELECT term FROM search_term WHERE message_id = ?", UUID.fromString(id));
        var columns = sql.query("SELECT data_type FROM information_schema.columns WHERE table_name IN ('search_term', 'search_indexed')")
                .stream().map(c -> (String) c.get("data_type")).collect(Collectors.toSet());

        // overwhelmed: 9 prefixes of 3-11 letters; the random word: 8; insomnia: 6
        assertEquals(9 + 8 + 6, terms.size());
        assertTrue(terms.stream().allMatch(r -> ((byte[]) r.get("term")).length == 16));
        assertEquals(Set.of("bytea", "uuid", "timestamp with time zone"), columns, "no text column");
        for (var plain : List.of(word, "overwhelmed", "insomnia", "Overwhelmed", word.substring(0, 6))) {
            assertEquals(0L, sql.value("SELECT count(*) FROM search_term WHERE position(convert_to(?, 'UTF8') IN term) > 0", plain),
                    "a word in the index");
        }
    }

    @Test
    void conversationsAreFoundByTheClientsNameWhateverCaseAndAccents() {
        var surname = "Núñez" + word().substring(0, 4);
        var practitioner = people.practitioner(RIVERSIDE, "Dr. Search Names");
        var jose = people.client(RIVERSIDE, "José " + surname, false);
        var joseph = people.client(RIVERSIDE, "Joseph Brown", false);
        var withJose = api.start(practitioner, jose.id().toString());
        var withJoseph = api.start(practitioner, joseph.id().toString());
        var colleague = people.practitioner(RIVERSIDE, "Dr. Other Names");
        api.start(colleague, jose.id().toString());

        assertEquals(List.of(withJose), conversations(practitioner, "jose " + surname.toUpperCase()));
        assertEquals(List.of(withJose), conversations(practitioner, "NUN"));
        assertEquals(Set.of(withJose, withJoseph), Set.copyOf(conversations(practitioner, "jos")));
        assertEquals(List.of(), conversations(people.practitioner(LAKESIDE, "Dr. Elsewhere"), "nunez"));
        var reply = api.post(practitioner, "/search/conversations", Json.createObjectBuilder().add("q", "nunez").build());
        var found = reply.json().getJsonArray("items").getJsonObject(0);
        assertEquals("José " + surname, found.getJsonObject("counterpart").getString("displayName"));
    }

    @Test
    void onlyParticipantsSearchAndBadRequestsAreProblems() {
        var t = thread(RIVERSIDE);
        var query = Json.createObjectBuilder().add("q", "anything").build();

        assertProblem(403, "wrong-role", api.post(PARK, "/search/messages", query));
        assertProblem(403, "wrong-role", api.post(PARK, "/search/conversations", query));
        assertProblem(400, "invalid-limit", api.post(t.practitioner(), "/search/messages",
                Json.createObjectBuilder().add("q", "anything").add("limit", 0).build()));
        assertProblem(400, "invalid-cursor", api.post(t.practitioner(), "/search/messages",
                Json.createObjectBuilder().add("q", "anything").add("cursor", "not-a-cursor").build()));
        assertProblem(400, "query-too-long", searchReply(t.practitioner(), "word ".repeat(50)));
        assertEquals(401, api.call(null, "POST", "/search/messages", query.toString()).status());
    }

    @Test
    void searchTermsReachNeitherTheLogNorTheAuditTrail() throws InterruptedException {
        var word = word();
        var t = thread(RIVERSIDE);
        send(t.practitioner(), t.id(), "<p>" + word + "</p>");
        var requestId = "search-" + UUID.randomUUID();

        var reply = api.call(api.identityProvider().token(t.practitioner()), "POST", "/search/messages",
                Json.createObjectBuilder().add("q", word.substring(0, 7)).build().toString(), Map.of("X-Request-Id", requestId));
        searchReply(t.practitioner(), word.substring(0, 2));

        assertEquals(200, reply.status());
        var audit = sql.query("SELECT action, actor_id, e::text AS everything FROM audit_event e WHERE request_id = ?", requestId);
        assertEquals(1, audit.size());
        assertEquals("search.messages", audit.get(0).get("action"));
        assertEquals(t.practitioner().id(), audit.get(0).get("actor_id"));
        assertFalse(((String) audit.get(0).get("everything")).contains(word.substring(0, 7)));
        // Payara's log handler writes from a queue of its own: read once a later line is in.
        assertFalse(log.readAfterALaterLine(sql).contains(word.substring(0, 7)), "a search term is in " + log.file());
    }

    Pair thread(String practice) {
        var practitioner = people.practitioner(practice, "Dr. Search " + word());
        var client = people.client(practice, "Client " + word(), false);
        var portal = people.portal(client, "self", client.displayName());
        return new Pair(practitioner, portal, api.start(practitioner, client.id().toString()));
    }

    String send(Caller as, String conversation, String html) {
        var reply = api.send(as, conversation, UUID.randomUUID().toString(), html);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    Api.Reply searchReply(Caller as, String q) {
        return api.post(as, "/search/messages", Json.createObjectBuilder().add("q", q).build());
    }

    List<JsonObject> search(Caller as, String q) {
        var reply = searchReply(as, q);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    List<String> conversations(Caller as, String q) {
        var reply = api.post(as, "/search/conversations", Json.createObjectBuilder().add("q", q).build());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
    }

    static List<String> ids(List<JsonObject> hits) {
        return hits.stream().map(h -> h.getString("messageId")).toList();
    }

    /** Ten lower-case letters nobody else writes; "zq" first, so no prefix of it is an English word's. */
    static String word() {
        var random = new SecureRandom();
        var word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
