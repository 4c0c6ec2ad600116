package care.messaging.conversation.entity;

/**
 * A sender deleted a message and its text was erased. Fired as a synchronous CDI event in the deletion's
 * transaction, while the conversation is locked, so whatever an observer removes (the message's search
 * entries) goes with the erasure or not at all; see {@link MessagePosted} for the rules observers follow.
 */
public record MessageErased(Message message) {
}
