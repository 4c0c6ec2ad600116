package care.messaging.search.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text becomes searchable words, the same for what is indexed and what is asked: Unicode NFKC,
 * lower case, accents and other marks removed, split on anything that is not a letter or digit. Each
 * word remembers where it stood in the original text, for snippets.
 * <p>
 * The index holds every prefix of {@value #MIN_LETTERS} to {@value #MAX_LETTERS} letters of every word
 * (the whole word is its own longest prefix), so one lookup answers both "exact word" and "word
 * starting with"; what a prefix cannot tell apart is checked on the decrypted text.
 */
public final class SearchText {

    public static final int MIN_LETTERS = 3;
    public static final int MAX_LETTERS = 32;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A normalized word and the span [start, end) of the original text it came from. */
    public record Word(String text, int start, int end) {

        public boolean startsWith(String prefix) {
            return text.startsWith(prefix);
        }
    }

    private SearchText() {
    }

    public static List<Word> words(String text) {
        var words = new ArrayList<Word>();
        var current = new StringBuilder();
        int start = -1;
        int end = -1;
        for (int i = 0; i < text.length(); ) {
            var cp = text.codePointAt(i);
            var next = i + Character.charCount(cp);
            var folded = fold(cp);
            if (folded.isEmpty() && !current.isEmpty()) {
                end = next; // a mark that was stripped still belongs to the word it sits on
            }
            for (int j = 0; j < folded.length(); ) {
                var f = folded.codePointAt(j);
                j += Character.charCount(f);
                if (Character.isLetterOrDigit(f)) {
                    if (current.isEmpty()) {
                        start = i;
                    }
                    current.appendCodePoint(f);
                    end = next;
                } else if (!current.isEmpty()) {
                    words.add(new Word(current.toString(), start, end));
                    current.setLength(0);
                }
            }
            i = next;
        }
        if (!current.isEmpty()) {
            words.add(new Word(current.toString(), start, end));
        }
        return words;
    }

    /** What the index holds for a text: each word's prefixes of 3 to 32 letters, each once. */
    public static Set<String> terms(String text) {
        var terms = new LinkedHashSet<String>();
        for (var word : words(text)) {
            var capped = cap(word.text());
            var length = capped.codePointCount(0, capped.length());
            for (int n = MIN_LETTERS; n <= length; n++) {
                terms.add(capped.substring(0, capped.offsetByCodePoints(0, n)));
            }
        }
        return terms;
    }

    /** A word as the index stores its longest prefix. */
    public static String cap(String word) {
        return word.codePointCount(0, word.length()) <= MAX_LETTERS ? word : word.substring(0, word.offsetByCodePoints(0, MAX_LETTERS));
    }

    public static int letters(String word) {
        return word.codePointCount(0, word.length());
    }

    /** One code point as it is compared: compatibility form, lower case, without marks. */
    static String fold(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        }
        var compatible = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        var bare = MARKS.matcher(Normalizer.normalize(compatible, Normalizer.Form.NFD)).replaceAll("");
        return Normalizer.normalize(bare, Normalizer.Form.NFC);
    }
}
