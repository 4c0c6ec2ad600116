package care.messaging.search.control;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a caller searches for: its words, normalized as the index is. Words shorter than the minimum are
 * left out (they would match too much to be worth a lookup); a query with no word left is refused, and
 * so is one too long to be a search. Neither refusal repeats the query: search terms are PHI.
 */
public record SearchQuery(List<String> words) {

    static final int MAX_CHARACTERS = 200;
    static final int MAX_WORDS = 8;

    public static SearchQuery parse(String q, int minLetters) {
        if (q != null && q.length() > MAX_CHARACTERS) {
            throw new DomainException(ProblemType.QUERY_TOO_LONG, "A search has at most " + MAX_CHARACTERS + " characters");
        }
        var words = new ArrayList<String>();
        for (var word : SearchText.words(q == null ? "" : q)) {
            if (SearchText.letters(word.text()) >= minLetters && !words.contains(word.text())) {
                words.add(word.text());
            }
        }
        if (words.isEmpty()) {
            throw new DomainException(ProblemType.QUERY_TOO_SHORT, "A search needs a word of at least " + minLetters + " letters or digits");
        }
        if (words.size() > MAX_WORDS) {
            throw new DomainException(ProblemType.QUERY_TOO_LONG, "A search has at most " + MAX_WORDS + " words");
        }
        return new SearchQuery(List.copyOf(words));
    }

    /** True if every word of the query begins some word of the text. */
    public boolean matches(List<SearchText.Word> text) {
        return words.stream().allMatch(w -> text.stream().anyMatch(t -> t.startsWith(w)));
    }

    /** The word the index is asked first: the longest, which is usually the rarest. */
    String leading() {
        return words.stream().max((a, b) -> Integer.compare(SearchText.letters(a), SearchText.letters(b))).orElseThrow();
    }
}
