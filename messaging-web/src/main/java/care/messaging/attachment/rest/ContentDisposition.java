package care.messaging.attachment.rest;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file's name in a {@code Content-Disposition} header, both ways (RFC 6266 with RFC 5987's {@code filename*}),
 * because a name is PHI and never travels in a URL. Read: {@code filename*=UTF-8''…} wins over a plain
 * {@code filename}; written: both, the plain one reduced to ASCII for old clients.
 */
final class ContentDisposition {

    private static final Pattern EXTENDED = Pattern.compile("(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([^;]*)");
    private static final Pattern PLAIN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^;\\s]*)");
    /** RFC 5987's attr-char: what goes unescaped in an ext-value. */
    private static final Pattern ATTR_CHAR = Pattern.compile("[A-Za-z0-9!#$&+\\-.^_`|~]");

    private ContentDisposition() {
    }

    /** The name the header gives, or null when there is no header or no name in it. */
    static String fileName(String header) {
        if (header == null) {
            return null;
        }
        var extended = EXTENDED.matcher(header);
        if (extended.find()) {
            return extendedValue(extended.group(1).strip());
        }
        var plain = PLAIN.matcher(header);
        if (plain.find()) {
            var value = plain.group(1);
            return value.startsWith("\"") ? value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1") : value;
        }
        return null;
    }

    /** {@code charset'language'percent-encoded}; UTF-8 only (ISO-8859-1 too, as RFC 5987 requires). */
    static String extendedValue(String value) {
        var parts = value.split("'", 3);
        if (parts.length != 3) {
            throw invalid();
        }
        var charset = parts[0].toUpperCase(Locale.ROOT);
        var bytes = percentDecoded(parts[2]);
        if (charset.equals("ISO-8859-1")) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (!charset.equals("UTF-8")) {
            throw invalid();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
    }

    static byte[] percentDecoded(String text) {
        var out = new ByteArrayOutputStream(text.length());
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw invalid();
                }
                try {
                    out.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                } catch (IllegalArgumentException e) {
                    throw invalid();
                }
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                out.write(c);
            } else {
                throw invalid();
            }
        }
        return out.toByteArray();
    }

    /** The header for a download: {@code attachment}, an ASCII fallback name and the exact one, percent-encoded UTF-8. */
    static String attachment(String name) {
        return "attachment" + names(name);
    }

    /** The same for an image the app shows itself: {@code inline}, with the same names. */
    static String inline(String name) {
        return "inline" + names(name);
    }

    static String names(String name) {
        var fallback = new StringBuilder();
        name.codePoints().forEach(cp -> fallback.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' ? (char) cp : '_'));
        var encoded = new StringBuilder();
        for (var b : name.getBytes(StandardCharsets.UTF_8)) {
            var c = (char) (b & 0xff);
            if (c < 0x80 && ATTR_CHAR.matcher(String.valueOf(c)).matches()) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    private static DomainException invalid() {
        return new DomainException(ProblemType.INVALID_FILE_NAME,
                "The file name in Content-Disposition must be filename*=UTF-8''<percent-encoded UTF-8>");
    }
}
