package care.messaging.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void wordsAreFoldedToLowerCaseWithoutAccentsAndKeepTheirOriginalSpans() {
        var text = "Café ÉCOLE, naïve—Zoë's";
        var words = SearchText.words(text);

        assertEquals(List.of("cafe", "ecole", "naive", "zoe", "s"), words.stream().map(SearchText.Word::text).toList());
        assertEquals("Café", text.substring(words.get(0).start(), words.get(0).end()));
        assertEquals("Zoë", text.substring(words.get(3).start(), words.get(3).end()));
    }

    @Test
    void decomposedAccentsAndCompatibilityFormsFoldLikeTheirPlainLetters() {
        var decomposed = "cafe\u0301 ﬁle ＡＢＣ";

        assertEquals(List.of("cafe", "file", "abc"), SearchText.words(decomposed).stream().map(SearchText.Word::text).toList());
        assertEquals("cafe\u0301", decomposed.substring(0, SearchText.words(decomposed).get(0).end()));
    }

    @Test
    void termsAreEveryPrefixOfThreeLettersOrMoreOfEveryWord() {
        assertEquals(Set.of("sle", "slee", "sleep", "wel", "well"), SearchText.terms("Sleep well, ok? I'm"));
    }

    @Test
    void longWordsAreCappedAtThirtyTwoLetters() {
        var terms = SearchText.terms("a".repeat(40));

        assertEquals(30, terms.size());
        assertTrue(terms.contains("a".repeat(32)));
        assertFalse(terms.contains("a".repeat(33)));
    }

    @Test
    void queryKeepsWordsOfTheMinimumLengthAndMatchesPrefixesOfEveryWord() {
        var query = SearchQuery.parse("  Brea EXERC to ", 3);

        assertEquals(List.of("brea", "exerc"), query.words());
        assertEquals("exerc", query.leading());
        assertTrue(query.matches(SearchText.words("The breathing exercise helped")));
        assertFalse(query.matches(SearchText.words("The breathing helped")));
        assertFalse(query.matches(SearchText.words("unbreakable exercise")), "a prefix of a word, not a substring");
    }

    @Test
    void queryWithoutALongEnoughWordOrTooLongIsRefused() {
        assertEquals("query-too-short", refusal(() -> SearchQuery.parse("to be", 3)));
        assertEquals("query-too-short", refusal(() -> SearchQuery.parse(null, 3)));
        assertEquals("query-too-short", refusal(() -> SearchQuery.parse("?!", 3)));
        assertEquals("query-too-long", refusal(() -> SearchQuery.parse("x".repeat(201), 3)));
        assertEquals("query-too-long", refusal(() -> SearchQuery.parse("one two three four five six seven eight nine", 3)));
        assertEquals(List.of("li"), SearchQuery.parse("Li", 2).words());
    }

    @Test
    void snippetIsAWindowAroundTheFirstMatchWithTheMatchesMarked() {
        var text = "Intro words. ".repeat(10) + "Then the Breathing exercise helped before work. " + "More text after. ".repeat(10);
        var query = SearchQuery.parse("breath", 3);

        var snippet = Snippets.around(text, SearchText.words(text), query);

        assertTrue(snippet.text().startsWith("…"), snippet.text());
        assertTrue(snippet.text().endsWith("…"), snippet.text());
        assertTrue(snippet.text().length() <= Snippets.LENGTH + 2, snippet.text());
        assertEquals(1, snippet.highlights().size());
        var h = snippet.highlights().get(0);
        assertEquals("Breathing", snippet.text().substring(h.start(), h.end()));
    }

    @Test
    void shortTextIsItsOwnSnippet() {
        var text = "See you Thursday at 4 pm";
        var snippet = Snippets.around(text, SearchText.words(text), SearchQuery.parse("thu", 3));

        assertEquals(text, snippet.text());
        assertEquals("Thursday", text.substring(snippet.highlights().get(0).start(), snippet.highlights().get(0).end()));
    }

    static String refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.type();
        }
        return "none";
    }
}
