package care.messaging.system;

import static care.messaging.system.DemoPeople.RIVERSIDE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No PHI reaches the server log: a whole flow with a name and a message text nobody else uses (sends both
 * ways, reads, read markers, the inbox) and the refusals that carry them (too long, malformed, too large,
 * not UTF-8, wrong media type, a rejected token), then the domain's server.log holds neither, nor any
 * token. It looks only for its own markers, so it may run in any order.
 */
@ExtendWith(PayaraServer.class)
class PhiLogsIT {

    final Api api;
    final SeededPeople people;
    final ServerLog log;
    final Sql sql;

    PhiLogsIT(Api api, SeededPeople people, ServerLog log, Sql sql) {
        this.api = api;
        this.people = people;
        this.log = log;
        this.sql = sql;
    }

    @Test
    void neitherNamesNorMessageTextsNorTokensAreLogged() throws InterruptedException {
        var name = "Zephyrine Quillfeather " + marker();
        var text = "Quietly-" + marker() + " felt anxious";
        var practitioner = people.practitioner(RIVERSIDE, "Dr. " + name);
        var client = people.client(RIVERSIDE, name, false);
        var portal = people.portal(client, "self", name);
        var tokens = new ArrayList<String>();
        var id = api.start(practitioner, client.id().toString());
        var path = "/conversations/" + id + "/messages";

        assertEquals(201, api.send(practitioner, id, UUID.randomUUID().toString(), "<p>" + text + "</p>").status());
        assertTrue(api.messages(portal, id).get(0).getString("html").contains(text));
        assertEquals(201, api.send(portal, id, UUID.randomUUID().toString(), "<p>Reply: " + text + "</p>").status());
        assertEquals(200, api.markRead(portal, id, 1).status());
        assertEquals(200, api.markRead(practitioner, id, 2).status());
        assertTrue(api.conversation(practitioner, id).getString("lastMessagePreview").contains(text));

        var token = api.identityProvider().token(portal);
        tokens.add(token);
        var json = "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"html\":\"<p>" + text + " %s</p>\"}";
        var refusals = List.of(
                api.call(token, "POST", path, json.formatted("x".repeat(20_001))),
                api.call(token, "POST", path, json.formatted(name).substring(0, 80 + text.length())),
                api.raw(token, "POST", path, BodyPublishers.ofString(json.formatted("y".repeat(300_000))), "application/json"),
                api.raw(token, "POST", path, BodyPublishers.ofByteArray(notUtf8(json.formatted(name))), "application/json"),
                api.raw(token, "POST", path, BodyPublishers.ofString(json.formatted(name)), "text/plain"),
                api.call(forged(portal, tokens), "POST", path, json.formatted(name)));
        assertEquals(List.of(400, 400, 413, 400, 415, 401), refusals.stream().map(Api.Reply::status).toList(), refusals::toString);
        assertEquals(2, api.messages(practitioner, id).size(), "the refusals added nothing");

        // Payara's log handler writes from a queue of its own: read once a later line is in.
        var logged = log.readAfterALaterLine(sql);
        assertTrue(logged.contains("Schema at version"), "this is the domain's log, with the app's lines in it");
        assertAll(
                () -> assertFalse(logged.contains(name), "the name is in " + log.file()),
                () -> assertFalse(logged.contains(name.split(" ")[1]), "the surname is in " + log.file()),
                () -> assertFalse(logged.contains(text), "the message text is in " + log.file()),
                () -> assertTrue(tokens.stream().noneMatch(logged::contains), "a token is in " + log.file()));
    }

    /** A token the domain must refuse: signed by a key it does not trust. */
    private String forged(SeededPeople.Person as, List<String> tokens) {
        var token = api.identityProvider().tokenSignedByAnotherKey(as);
        tokens.add(token);
        return token;
    }

    private static byte[] notUtf8(String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 4] = (byte) 0xFF;
        return bytes;
    }

    private static String marker() {
        var random = new byte[6];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
