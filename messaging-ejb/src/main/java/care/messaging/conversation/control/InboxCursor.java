package care.messaging.conversation.control;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** Opaque position in the inbox (the last row's activity time and id; ids break ties), and in search's pages of messages. */
public record InboxCursor(OffsetDateTime lastActivityAt, UUID id) {

    public static String of(OffsetDateTime lastActivityAt, UUID id) {
        var raw = lastActivityAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static InboxCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var bar = raw.indexOf('|');
            return new InboxCursor(OffsetDateTime.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new DomainException(ProblemType.INVALID_CURSOR, "The cursor is not one this server issued");
        }
    }
}
