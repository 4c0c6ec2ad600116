package care.messaging.announcement.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an announcement did: for each chosen client, the conversation and the message it became, or why
 * it was skipped ({@code messaging-disabled}, {@code client-discharged}). The same answer on a retry.
 */
@JsonbNillable
public record AnnouncementView(UUID id, OffsetDateTime sentAt, int delivered, int skipped, List<Recipient> recipients) {

    @JsonbNillable
    public record Recipient(UUID clientId, String clientName, UUID conversationId, UUID messageId, String skipped) {
    }

    public static AnnouncementView of(UUID id, OffsetDateTime sentAt, List<Recipient> recipients) {
        var skipped = (int) recipients.stream().filter(r -> r.skipped() != null).count();
        return new AnnouncementView(id, sentAt, recipients.size() - skipped, skipped, recipients);
    }
}
