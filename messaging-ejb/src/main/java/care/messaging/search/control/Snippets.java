package care.messaging.search.control;

import care.messaging.search.entity.MessageHit.Highlight;
import java.util.ArrayList;
import java.util.List;

/** A short plain-text window of a message around the first word a search matched, with the matches marked. */
final class Snippets {

    static final int BEFORE = 60;
    static final int LENGTH = 160;

    record Snippet(String text, List<Highlight> highlights) {
    }

    private Snippets() {
    }

    static Snippet around(String text, List<SearchText.Word> words, SearchQuery query) {
        var matches = words.stream().filter(w -> query.words().stream().anyMatch(w::startsWith)).toList();
        var first = matches.isEmpty() ? 0 : matches.get(0).start();
        var from = Math.max(0, first - BEFORE);
        if (from > 0) {
            // start at a word boundary, never inside the matched word
            var space = text.indexOf(' ', from);
            from = space < 0 || space >= first ? from : space + 1;
        }
        var to = Math.min(text.length(), from + LENGTH);
        if (to < text.length()) {
            var space = text.lastIndexOf(' ', to);
            var firstEnd = matches.isEmpty() ? from : matches.get(0).end();
            to = space > firstEnd ? space : Math.max(to, firstEnd);
        }
        var lead = from > 0 ? "…" : "";
        var shift = lead.length() - from;
        var highlights = new ArrayList<Highlight>();
        for (var match : matches) {
            if (match.start() >= from && match.end() <= to) {
                highlights.add(new Highlight(match.start() + shift, match.end() + shift));
            }
        }
        return new Snippet(lead + text.substring(from, to) + (to < text.length() ? "…" : ""), highlights);
    }
}
