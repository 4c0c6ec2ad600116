package care.messaging.settings.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.ShownText;
import java.util.regex.Pattern;

/**
 * What the client portal tells a practice's clients, as an admin words it: a short notice in the composer
 * area, and the phone number to call instead when they may not write. Both are plain text that clients
 * read: cleaned as all shown text is ({@link ShownText}: no bidi controls, no lone surrogates), trimmed, one
 * line without control characters, and never markup (the apps show it as text; a tag in it is a mistake,
 * not formatting). A phone number is digits with the usual separators, an extension at most. Null or blank
 * asks for the default notice, or for no phone number.
 */
public record PortalTexts(String notice, String phone) {

    public static final int NOTICE_MAX_LENGTH = 300;
    public static final int PHONE_MIN_LENGTH = 3;
    public static final int PHONE_MAX_LENGTH = 40;

    static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]");
    static final Pattern PHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ().\\-/]*[0-9](?: ?(?:ext\\.?|x) ?[0-9]{1,6})?");

    public PortalTexts {
        if (notice != null && !validNotice(notice)) {
            throw new DomainException(ProblemType.INVALID_NOTICE, "notice must be plain text of 1 to " + NOTICE_MAX_LENGTH
                    + " characters on one line, without markup");
        }
        if (phone != null && !validPhone(phone)) {
            throw new DomainException(ProblemType.INVALID_PHONE, "phone must be a phone number of " + PHONE_MIN_LENGTH + " to "
                    + PHONE_MAX_LENGTH + " characters: digits, spaces, + ( ) - . / and an optional extension");
        }
    }

    /** What a request asks for, cleaned; null or blank stays null. */
    public static PortalTexts parse(String notice, String phone) {
        return new PortalTexts(cleaned(notice), cleaned(phone));
    }

    static String cleaned(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        return ShownText.clean(requested).strip();
    }

    static boolean validNotice(String notice) {
        var length = notice.codePointCount(0, notice.length());
        return length >= 1 && length <= NOTICE_MAX_LENGTH && notice.equals(notice.strip())
                && notice.codePoints().noneMatch(PortalTexts::breaksTheLine) && !MARKUP.matcher(notice).find();
    }

    static boolean validPhone(String phone) {
        return phone.length() >= PHONE_MIN_LENGTH && phone.length() <= PHONE_MAX_LENGTH && PHONE.matcher(phone).matches()
                && phone.chars().filter(Character::isDigit).count() >= PHONE_MIN_LENGTH;
    }

    static boolean breaksTheLine(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == '\u2028' || codePoint == '\u2029';
    }
}
