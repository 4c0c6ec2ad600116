package care.messaging.directory.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.ShownText;

/**
 * The name the practice's directory shows for a person an admin adds (a member, a client, a guardian): cleaned as
 * all shown text is, trimmed, 1 to 100 characters without control characters, like a messaging name.
 */
public record PersonName(String value) {

    public PersonName {
        new MessagingName(value); // the same rules: one place says what a name may hold
    }

    public static PersonName parse(String given) {
        if (given == null || given.isBlank()) {
            throw new DomainException(ProblemType.INVALID_DISPLAY_NAME, "displayName is required (1 to " + MessagingName.MAX_LENGTH + " characters)");
        }
        return new PersonName(ShownText.clean(given).strip());
    }
}
