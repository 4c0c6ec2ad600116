package care.messaging.conversation.entity;

import java.util.UUID;

/** Where the caller's read marker stands in a conversation, and what is left unread. */
public record ReadState(UUID conversationId, long seq, long unreadCount) {
}
