package care.messaging.practice.entity;

import care.messaging.directory.entity.MessagingName;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.ShownText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first admin of a practice as hospital IT describes them: a display name (the rules of every shown name,
 * {@link MessagingName}: 1 to 100 characters), and optionally an e-mail address (lower-cased, 3 to 254
 * characters, one {@code @}, a domain with a dot) and the hospital's identifier of them (1 to 200 characters),
 * on which a first sign-in may bind where IT maps a claim to it. Blank optional fields are absent.
 */
public record FirstAdmin(String displayName, String email, String externalId) {

    public static final int MAX_EMAIL = 254;
    public static final int MAX_EXTERNAL_ID = 200;
    static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>()\\[\\],;:\\\\]+@[^@\\s\"<>()\\[\\],;:\\\\.]+(\\.[^@\\s\"<>()\\[\\],;:\\\\.]+)+");

    /** Checks and cleans what a request holds; each field refused with its own problem type. */
    public static FirstAdmin parse(String displayName, String email, String externalId) {
        var name = new MessagingName(displayName == null ? null : ShownText.clean(displayName).strip()).value();
        return new FirstAdmin(name, email(email), externalId(externalId));
    }

    static String email(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        var email = requested.strip().toLowerCase(Locale.ROOT);
        if (email.length() < 3 || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()
                || email.codePoints().anyMatch(Texts::isControl)) {
            throw new DomainException(ProblemType.INVALID_EMAIL, "email must be an e-mail address (name@domain.example)");
        }
        return email;
    }

    static String externalId(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        var id = requested.strip();
        if (id.codePointCount(0, id.length()) > MAX_EXTERNAL_ID || id.codePoints().anyMatch(Texts::isControl)
                || !id.equals(ShownText.clean(id))) {
            throw new DomainException(ProblemType.INVALID_EXTERNAL_ID,
                    "externalId must be 1 to " + MAX_EXTERNAL_ID + " characters without control characters");
        }
        return id;
    }
}
