package care.messaging.settings.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One client on a practitioner's block list. */
public record BlockView(UUID clientId, String displayName, OffsetDateTime blockedAt) {
}
