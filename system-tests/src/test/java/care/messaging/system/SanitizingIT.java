package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.RIVERA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Message HTML is sanitized once, on the way in, to a small allowlist; what is stored is what readers get. */
@ExtendWith(PayaraServer.class)
class SanitizingIT {

    final Api api;
    final SeededPeople people;
    final Sql sql;

    SanitizingIT(Api api, SeededPeople people, Sql sql) {
        this.api = api;
        this.people = people;
        this.sql = sql;
    }

    /** Written as JSON escapes: a lone surrogate cannot travel as UTF-8, only as \\uD83D in the JSON text. */
    @Test
    void bidiControlsAndLoneSurrogatesAreRemovedFromBodiesAndNamesByOneRule() {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var token = api.identityProvider().token(ALEX);
        var body = "{\"clientMessageId\": \"" + UUID.randomUUID() + "\", \"html\": \"<p>see invoice_\\u202Egpj.exe"
                + " \\u2066and\\u2069 half\\uD83D a smile \\uD83D\\uDE00</p>\"}";
        var sent = api.call(token, "POST", "/conversations/" + id + "/messages", body);
        assertEquals(201, sent.status(), sent::toString);
        assertEquals("see invoice_gpj.exe and half a smile \uD83D\uDE00", Jsoup.parseBodyFragment(sent.json().getString("html")).text());

        var practice = people.practice();
        var practitioner = people.practitioner(practice, "Dr. Ines Haddad");
        var renamed = api.call(api.identityProvider().token(practitioner), "PUT", "/me/messaging-name",
                "{\"displayName\": \"Dr. \\u202EInes\\u202C Haddad\\uDE00\"}");
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Dr. Ines Haddad", sql.value("SELECT messaging_name FROM account WHERE id = ?", practitioner.id()),
                "the same rule: controls removed, the half character dropped (not stored as ?)");
    }

    @Test
    void scriptsHandlersStylesImagesAndJavascriptLinksAreRemoved() {
        var html = """
                <p onclick="steal()">Before <script>alert('x')</script>after</p>
                <style>p { color: red }</style>
                <p style="color: red">Styled</p>
                <img src="https://example.org/pixel.png" onerror="steal()">
                <a href="javascript:alert('x')">a trap</a>
                <iframe src="https://example.org/"></iframe>""";

        var stored = sendAndRead(html);

        assertAll(
                () -> assertTrue(stored.select("script, style, img, iframe").isEmpty(), stored::toString),
                () -> assertTrue(stored.select("[onclick], [onerror], [style]").isEmpty(), stored::toString),
                () -> assertFalse(stored.html().contains("javascript:"), stored::toString),
                () -> assertFalse(stored.html().contains("alert"), stored::toString),
                () -> assertFalse(stored.html().contains("color"), stored::toString),
                () -> assertTrue(stored.text().contains("Before after"), stored::toString),
                () -> assertTrue(stored.text().contains("a trap"), "the link's text stays, without the link"));
    }

    @Test
    void allowedFormattingSurvives() {
        var html = """
                <h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>
                <p><b>bold</b> <i>italic</i> <u>underlined</u><br>next line</p>
                <ol><li>first</li></ol><ul><li>point</li></ul>
                <blockquote>quoted</blockquote><p><code>x = 1</code></p>
                <p><a href="https://example.org/a">secure</a> <a href="http://example.org/b">plain</a>
                <a href="mailto:team@example.org">mail</a></p>""";

        var stored = sendAndRead(html);

        assertAll(
                () -> assertEquals("One", stored.select("h1").text()),
                () -> assertEquals("Two", stored.select("h2").text()),
                () -> assertEquals("Three", stored.select("h3").text()),
                () -> assertEquals("Four", stored.select("h4").text()),
                () -> assertEquals("Five", stored.select("h5").text()),
                () -> assertEquals("Six", stored.select("h6").text()),
                () -> assertEquals("bold", stored.select("p > b").text()),
                () -> assertEquals("italic", stored.select("p > i").text()),
                () -> assertEquals("underlined", stored.select("p > u").text()),
                () -> assertEquals(1, stored.select("p > br").size()),
                () -> assertEquals("first", stored.select("ol > li").text()),
                () -> assertEquals("point", stored.select("ul > li").text()),
                () -> assertEquals("quoted", stored.select("blockquote").text()),
                () -> assertEquals("x = 1", stored.select("code").text()),
                () -> assertEquals(List.of("https://example.org/a", "http://example.org/b", "mailto:team@example.org"),
                        stored.select("a").eachAttr("href")),
                () -> assertTrue(stored.select("a").stream().allMatch(SanitizingIT::opensWithoutOpener), stored::toString));
    }

    @Test
    void lengthLimitCountsTheSanitizedHtml() {
        var html = "<p>Short once cleaned.</p><script>" + "x".repeat(25_000) + "</script>";

        var stored = sendAndRead(html);

        assertEquals("Short once cleaned.", stored.text());
    }

    /** Sends as Alex and answers the message as his practitioner reads it back, parsed. */
    private Document sendAndRead(String html) {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var sent = api.send(ALEX, id, UUID.randomUUID().toString(), html);
        assertEquals(201, sent.status(), sent::toString);
        var messageId = sent.json().getString("id");
        var read = api.messages(RIVERA, id).stream()
                .filter(m -> m.getString("id").equals(messageId))
                .findFirst().orElseThrow();
        assertEquals(sent.json().getString("html"), read.getString("html"), "the reply shows what was stored");
        return Jsoup.parseBodyFragment(read.getString("html"));
    }

    private static boolean opensWithoutOpener(Element link) {
        return List.of(link.attr("rel").split("\\s+")).contains("noopener");
    }
}
