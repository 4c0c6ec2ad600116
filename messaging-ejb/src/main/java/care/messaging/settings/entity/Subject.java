package care.messaging.settings.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;

/**
 * The identity provider's {@code sub} for an account: OpenID Connect makes it at most 255 ASCII
 * characters; anything else (blank, spaces, control characters, non-ASCII) is refused as a typo.
 */
public record Subject(String value) {

    public static final int MAX_LENGTH = 255;

    public Subject {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new DomainException(ProblemType.INVALID_SUBJECT,
                    "subject must be the identity provider's sub: 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }
}
