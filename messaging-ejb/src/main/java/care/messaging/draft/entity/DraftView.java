package care.messaging.draft.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The caller's draft of a conversation: sanitized HTML, the clientMessageId it is to be sent with (if the
 * client named one) and when it was last saved. No draft: html and updatedAt are null. A stored draft that
 * does not decrypt is {@code unavailable} with a null html.
 */
@JsonbNillable
public record DraftView(UUID conversationId, String html, UUID clientMessageId, OffsetDateTime updatedAt,
                        boolean unavailable) {

    public static DraftView none(UUID conversationId) {
        return new DraftView(conversationId, null, null, null, false);
    }

    public boolean exists() {
        return updatedAt != null;
    }
}
