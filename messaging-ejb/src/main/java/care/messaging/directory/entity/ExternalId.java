package care.messaging.directory.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;

/**
 * The hospital's own identifier of a member (e.g. an employee id), which IT may map from a token claim to bind a
 * first sign-in: trimmed, 1 to 200 printable characters without spaces inside.
 */
public record ExternalId(String value) {

    public static final int MAX_LENGTH = 200;

    public ExternalId {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.codePoints().allMatch(c -> c > 0x20 && c != 0x7f && !Character.isWhitespace(c) && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT)) {
            throw new DomainException(ProblemType.INVALID_EXTERNAL_ID,
                    "externalId must be 1 to " + MAX_LENGTH + " characters without spaces or control characters");
        }
    }

    public static ExternalId parse(String given) {
        return given == null || given.isBlank() ? null : new ExternalId(given.strip());
    }
}
