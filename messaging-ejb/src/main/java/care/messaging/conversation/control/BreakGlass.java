package care.messaging.conversation.control;

import care.messaging.directory.entity.Account;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one question reading asks of emergency access: does this admin hold an active grant to this
 * conversation now? Defined here and answered by the {@code emergency} component (its one
 * implementation, found by CDI), because emergency builds on conversations (a grant names one) and
 * conversation must not depend on it back: this way the dependency between them stays one-way.
 */
public interface BreakGlass {

    boolean active(Account admin, UUID conversationId, OffsetDateTime at);
}
