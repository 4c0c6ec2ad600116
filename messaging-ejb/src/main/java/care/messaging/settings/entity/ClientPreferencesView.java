package care.messaging.settings.entity;

import java.util.UUID;

/** A client's preferences: {@code messagingEnabled} off locks the client's threads for both sides. */
public record ClientPreferencesView(UUID clientId, boolean messagingEnabled) {
}
