package care.messaging.conversation.entity;

import java.util.UUID;

/** Who writes a message, with the name shown for it from now on and which side they are on. */
public record Author(UUID accountId, String displayName, boolean clientSide) {
}
