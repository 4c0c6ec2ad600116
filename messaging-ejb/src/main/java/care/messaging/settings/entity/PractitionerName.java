package care.messaging.settings.entity;

import java.util.UUID;

/**
 * A practitioner's names: {@code displayName} from the directory, {@code messagingName} set for messaging
 * (null if none), and {@code sendsAs}, the one their messages carry from now on.
 */
public record PractitionerName(UUID id, String displayName, String messagingName, String sendsAs) {
}
