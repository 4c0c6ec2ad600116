package care.messaging.announcement.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Where an announcement stands: its state ({@code scheduled}, {@code running}, {@code done}, {@code cancelled}), when
 * it was asked for and when its delivery starts (or started), how many recipients it has and how many got it, were
 * skipped or still wait; and for each decided recipient (the first {@value #RECIPIENTS_SHOWN} by name), the
 * conversation and the message it became, or why it was skipped ({@code messaging-disabled}, {@code client-discharged},
 * {@code messaging-off}). The same answer on a retry.
 */
@JsonbNillable
public record AnnouncementView(UUID id, OffsetDateTime sentAt, String state, OffsetDateTime startsAt, String timeZone,
                               int total, int delivered, int skipped, int pending, List<Recipient> recipients) {

    public static final int RECIPIENTS_SHOWN = 500;

    @JsonbNillable
    public record Recipient(UUID clientId, String clientName, UUID conversationId, UUID messageId, String skipped) {
    }
}
