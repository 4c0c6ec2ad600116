package care.messaging.conversation.entity;

import java.util.List;

/**
 * A message was stored in a conversation (a send, or one copy of an announcement), with its sanitized
 * HTML in clear for whoever must read its words (the search index), and the display names of the files
 * sent with it (empty when none), which are searched like its words.
 * <p>
 * Fired as a synchronous CDI event in the use case's transaction, after the message and everyone's state
 * were written and before the conversation's events: a synchronous observer runs in the caller's thread
 * and transaction, so what it writes commits or rolls back with the message. Observers that write must stay
 * synchronous and in progress (no {@code @ObservesAsync}, no {@code during = AFTER_…}); the text never
 * leaves the request's thread. Only a count that reads nothing of it (the node's metrics) observes after success.
 */
public record MessagePosted(Conversation conversation, Message message, String html, List<String> fileNames) {

    /** A message without files (announcement copies, automatic replies). */
    public MessagePosted(Conversation conversation, Message message, String html) {
        this(conversation, message, html, List.of());
    }
}
