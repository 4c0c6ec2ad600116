package care.messaging.platform.entity;

/**
 * The one rule for text that people write and others see (message bodies, drafts, announcements,
 * messaging names, later file names): bidirectional embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069) are removed, so that {@code txt.exe} cannot be made to read as
 * something else, and a lone surrogate (half a character, not valid UTF-8) is dropped rather than
 * stored as {@code ?}. Everything else is left as written.
 */
public final class ShownText {

    private ShownText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c) && !isBidiControl(c)) {
                out.append(c);
            }
        }
        return out.length() == text.length() ? text : out.toString();
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
