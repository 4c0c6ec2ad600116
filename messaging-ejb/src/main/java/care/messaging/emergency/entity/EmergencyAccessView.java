package care.messaging.emergency.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One emergency access as the conversation's practitioner and the practice's admins see it. */
@JsonbNillable
public record EmergencyAccessView(UUID id, UUID conversationId, GrantedBy grantedBy, String reason,
                                  OffsetDateTime grantedAt, OffsetDateTime expiresAt, boolean active) {

    public record GrantedBy(UUID id, String displayName) {
    }
}
