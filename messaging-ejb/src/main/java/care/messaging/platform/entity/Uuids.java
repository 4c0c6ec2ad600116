package care.messaging.platform.entity;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one reading of an id the apps send: the canonical 36-character form (any case) and nothing else.
 * {@link UUID#fromString} alone also takes "1-1-1-1-1" and other short forms, which would make two spellings
 * of one id; the copies that once parsed ids in each component differed in exactly that.
 */
public final class Uuids {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** The id, or empty when the text is not one. */
    public static Optional<UUID> parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** The id of something the caller names; anything else names nothing they can see (404). */
    public static UUID orNotFound(String text) {
        return parse(text).orElseThrow(DomainException::notFound);
    }

    /** The id in a field of a request; anything else is a 400 of the given problem type. */
    public static UUID orInvalid(String text, ProblemType type, String title) {
        return parse(text).orElseThrow(() -> new DomainException(type, title));
    }
}
