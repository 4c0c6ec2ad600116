package care.messaging.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RichTextTest {

    RichText cut = new RichText(20000);

    @ParameterizedTest
    @ValueSource(strings = {"<b>x</b>", "<strong>x</strong>", "<i>x</i>", "<em>x</em>", "<u>x</u>", "<h1>x</h1>",
            "<h3>x</h3>", "<h6>x</h6>", "<ol><li>x</li></ol>", "<ul><li>x</li></ul>", "<p>x</p>", "x<br />y",
            "<blockquote>x</blockquote>", "<code>x</code>"})
    void keepsAllowedFormatting(String html) {
        assertEquals(html, cut.sanitize(html).html());
    }

    @Test
    void keepsLinksWithSafeSchemesAndAddsNoopener() {
        for (var href : new String[]{"https://example.org/a", "http://example.org/b", "mailto:someone@example.org"}) {
            var link = Jsoup.parse(cut.sanitize("<a href=\"" + href + "\">link</a>").html()).selectFirst("a");
            assertEquals(href, link.attr("href"));
            assertEquals("noopener", link.attr("rel"));
        }
    }

    @Test
    void dropsScriptsHandlersAndDangerousLinksWithoutVisibleJunk() {
        var clean = cut.sanitize("<p onclick=\"steal()\">Hi <script>alert(1)</script><style>p{}</style>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">there</a><iframe src=//x></iframe></p>").html();
        assertEquals("<p>Hi there</p>", clean);
    }

    @Test
    void refusesEmptyAndOnlyUnsafeContent() {
        for (var html : new String[]{null, "", "   ", "<p></p>", "<script>alert(1)</script>", "<img src=x>"}) {
            var e = assertThrows(DomainException.class, () -> cut.sanitize(html));
            assertEquals("empty-message", e.type());
            assertEquals(ProblemType.Kind.INVALID, e.kind());
        }
    }

    @Test
    void measuresLengthAfterSanitizing() {
        var atLimit = "a".repeat(20000);
        assertEquals(atLimit, cut.sanitize(atLimit).html());
        var e = assertThrows(DomainException.class, () -> cut.sanitize("a".repeat(20001)));
        assertEquals("message-too-long", e.type());
        // Markup that is removed does not count against the limit.
        var padded = "<script>" + "x".repeat(30000) + "</script>" + "b".repeat(100);
        assertEquals("b".repeat(100), cut.sanitize(padded).html());
    }

    @Test
    void previewIsPlainTextCutAtAWordNearOneHundredCharacters() {
        var preview = cut.sanitize("<h1>Title</h1><p>" + "word ".repeat(40) + "</p>").preview();
        assertTrue(preview.startsWith("Title word word"), preview);
        assertTrue(preview.length() <= RichText.PREVIEW_LENGTH + 1, preview);
        assertTrue(preview.endsWith("…"), preview);
        assertFalse(preview.contains("<"), preview);
        assertEquals("Short one", cut.sanitize("<p>Short\n\n one</p>").preview());
    }

    @Test
    void aDraftIsSanitizedLikeAMessageButMayBeEmpty() {
        assertEquals("<p>Hi there</p>", cut.draft("<p>Hi <script>x</script>there</p>").orElseThrow().html());
        assertTrue(cut.draft(null).isEmpty());
        assertTrue(cut.draft("  ").isEmpty());
        assertTrue(cut.draft("<p><img src=x></p>").isEmpty(), "nothing visible is left: no draft");
        var tooLong = assertThrows(DomainException.class, () -> new RichText(10).draft("<p>more than ten</p>"));
        assertEquals("message-too-long", tooLong.type());
    }
}
