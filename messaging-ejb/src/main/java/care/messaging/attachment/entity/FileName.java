package care.messaging.attachment.entity;

import care.messaging.platform.entity.ShownText;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file's name as people see it, and only that: the server never stores, opens or serves anything under
 * it (storage keys are generated ids). Made from what a browser sends, which may be anything: only the
 * last path part is kept; control, format and bidi characters (which can make {@code gpj.exe} read as
 * {@code exe.jpg}) are removed, and so are the characters Windows refuses in a name; leading dots and
 * trailing dots and spaces go (a hidden file; names Windows would silently change); a reserved device
 * name ({@code CON}, {@code NUL}, {@code COM1}…, with any extension) gets a leading underscore; the name
 * is cut to {@value #MAX_BYTES} bytes of UTF-8 keeping its extension. Nothing left: {@value #FALLBACK}.
 */
public record FileName(String value) {

    public static final int MAX_BYTES = 200;
    public static final String FALLBACK = "file";
    static final int MAX_EXTENSION = 16;

    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
            "CONIN$", "CONOUT$");
    private static final Pattern WINDOWS_FORBIDDEN = Pattern.compile("[<>:\"|?*]");

    public FileName {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a file name is never empty; use FileName.of");
        }
    }

    /** The display name for whatever was sent (null too). */
    public static FileName of(String sent) {
        if (sent == null) {
            return new FileName(FALLBACK);
        }
        var name = ShownText.clean(Normalizer.normalize(sent, Normalizer.Form.NFC));
        name = withoutInvisibles(name);
        name = lastPathPart(name);
        name = WINDOWS_FORBIDDEN.matcher(name).replaceAll("_").strip();
        name = name.replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
        if (name.isEmpty()) {
            return new FileName(FALLBACK);
        }
        if (isDevice(name)) {
            name = "_" + name;
        }
        return new FileName(shortened(name));
    }

    /** The extension after the last dot, lower case, or "" (for display and the download's name only). */
    public String extension() {
        var dot = value.lastIndexOf('.');
        return dot <= 0 ? "" : value.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String withoutInvisibles(String name) {
        var out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' '); // a tab or line break between words is a space, not nothing
                return;
            }
            var type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            out.appendCodePoint(cp);
        });
        return out.toString().replaceAll(" {2,}", " ");
    }

    private static String lastPathPart(String name) {
        var parts = name.split("[/\\\\]");
        for (var i = parts.length - 1; i >= 0; i--) {
            var part = parts[i].strip();
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
                return part;
            }
        }
        return "";
    }

    private static boolean isDevice(String name) {
        var dot = name.indexOf('.');
        var stem = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        return DEVICES.contains(stem);
    }

    private static String shortened(String name) {
        if (bytes(name) <= MAX_BYTES) {
            return name;
        }
        var dot = name.lastIndexOf('.');
        var extension = dot > 0 && name.length() - dot - 1 <= MAX_EXTENSION ? name.substring(dot) : "";
        var stem = extension.isEmpty() ? name : name.substring(0, dot);
        var budget = MAX_BYTES - bytes(extension);
        var out = new StringBuilder();
        for (var i = 0; i < stem.length(); ) {
            var cp = stem.codePointAt(i);
            var next = new String(Character.toChars(cp));
            if (bytes(out.toString()) + bytes(next) > budget) {
                break;
            }
            out.append(next);
            i += Character.charCount(cp);
        }
        return out.toString().strip() + extension;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
