package care.messaging.conversation.control;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The question a send asks of out-of-office: is the recipient away now, with a reply this conversation has not
 * had in that period? Defined here and answered by the {@code absence} component (its one implementation),
 * because absence builds on conversations and conversation must not depend on it back.
 */
public interface OutOfOfficeReplies {

    /** A period's reply that is due: the period, and its sanitized HTML. */
    record Due(UUID period, String html) {
    }

    /**
     * The reply due to the conversation from the practitioner at that moment: their period is on, answers this kind
     * of conversation (colleague conversations only if the period says so), and has not answered it yet.
     */
    Optional<Due> due(UUID practitioner, UUID conversation, boolean colleague, OffsetDateTime at);

    /** The conversation got the period's reply: a second row for the same period and conversation is impossible. */
    void replied(Due due, UUID conversation, UUID message, OffsetDateTime at);
}
