package care.messaging.practice.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.ShownText;
import java.util.Locale;

/**
 * A practice's name as every app of it shows it: cleaned as all shown text is ({@link ShownText}), trimmed,
 * 1 to 100 characters, no control or format characters. {@link #key()} is what two names are compared by.
 */
public record PracticeName(String value) {

    public static final int MAX_LENGTH = 100;

    public PracticeName {
        if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > MAX_LENGTH
                || value.codePoints().anyMatch(Texts::isControl) || !value.equals(value.strip())) {
            throw new DomainException(ProblemType.INVALID_PRACTICE_NAME,
                    "name must be 1 to " + MAX_LENGTH + " characters without control characters");
        }
    }

    /** What a request asks for, cleaned and trimmed; anything unusable is invalid-practice-name. */
    public static PracticeName parse(String requested) {
        return new PracticeName(requested == null ? null : ShownText.clean(requested).strip());
    }

    /** The name without regard to case: "Riverside Therapy" and "riverside therapy" are one name. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
