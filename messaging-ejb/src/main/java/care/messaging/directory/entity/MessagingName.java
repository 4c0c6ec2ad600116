package care.messaging.directory.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.ShownText;

/**
 * A practitioner's name for messaging, as clients see it on their thread and on every message sent from
 * now on: cleaned as all shown text is ({@link ShownText}: no bidi controls, no lone surrogates), trimmed,
 * 1 to 100 characters, no other control characters (it travels in headers of the apps' lists and in every
 * message's sender name).
 */
public record MessagingName(String value) {

    public static final int MAX_LENGTH = 100;

    public MessagingName {
        if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > MAX_LENGTH
                || value.codePoints().anyMatch(MessagingName::isControl) || !value.equals(value.strip())) {
            throw invalid();
        }
    }

    /** What a request asks for: a name, or null/blank for "use my directory name again". */
    public static MessagingName parse(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        return new MessagingName(ShownText.clean(requested).strip());
    }

    static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                || codePoint == '\u2028' || codePoint == '\u2029';
    }

    static DomainException invalid() {
        return new DomainException(ProblemType.INVALID_DISPLAY_NAME,
                "displayName must be 1 to " + MAX_LENGTH + " characters without control characters");
    }
}
