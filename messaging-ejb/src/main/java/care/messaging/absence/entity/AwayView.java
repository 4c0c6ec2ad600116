package care.messaging.absence.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Whether a practitioner is away now, for anyone of their practice (the portal's notice above the composer, the
 * away mark of the practitioner app): {@code until} is the end of the period that is on (an instant, which each
 * app shows in its reader's own zone), null when it is open or nobody is away. Never the reply itself.
 */
@JsonbNillable
public record AwayView(UUID practitionerId, boolean away, OffsetDateTime until) {
}
