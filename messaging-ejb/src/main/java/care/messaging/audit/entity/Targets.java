package care.messaging.audit.entity;

import java.util.UUID;

/** The records an audited action touched, by id only: never text or names. Each is null when not involved. */
public record Targets(UUID conversationId, UUID messageId, UUID clientId, UUID accountId) {

    public static Targets none() {
        return new Targets(null, null, null, null);
    }

    public static Targets conversation(UUID conversationId, UUID clientId) {
        return new Targets(conversationId, null, clientId, null);
    }

    public static Targets client(UUID clientId) {
        return new Targets(null, null, clientId, null);
    }

    public static Targets account(UUID accountId) {
        return new Targets(null, null, null, accountId);
    }

    public Targets withMessage(UUID messageId) {
        return new Targets(conversationId, messageId, clientId, accountId);
    }
}
