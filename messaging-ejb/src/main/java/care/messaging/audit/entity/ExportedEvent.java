package care.messaging.audit.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** An audit row as exports show it, to JSON or CSV alike; {@code hash} lets a key holder re-check it offline. */
@JsonbNillable
public record ExportedEvent(UUID practiceId, long no, OffsetDateTime at, UUID actorId, String actorRole,
                            String subject, String action, String attemptedAction, String outcome, String reason,
                            UUID conversationId, UUID messageId, UUID clientId, UUID accountId,
                            String sourceAddress, String requestId, String hash) {

    /** The CSV header, in the order of {@link #cells()}. */
    public static final List<String> COLUMNS = List.of("practiceId", "no", "at", "actorId", "actorRole", "subject",
            "action", "attemptedAction", "outcome", "reason", "conversationId", "messageId", "clientId", "accountId",
            "sourceAddress", "requestId", "hash");

    public static ExportedEvent of(AuditEvent e) {
        var targets = e.targets();
        return new ExportedEvent(e.practiceId(), e.no(), e.at(), e.actor().accountId(), e.actor().role(),
                e.actor().subject(), e.action(), e.attemptedAction(), e.outcome(), e.reason(), targets.conversationId(),
                targets.messageId(), targets.clientId(), targets.accountId(), e.origin().sourceAddress(),
                e.origin().requestId(), e.hash() == null ? null : HexFormat.of().formatHex(e.hash()));
    }

    /** The values as text, null as empty. */
    public List<String> cells() {
        return Stream.of(practiceId, no, at, actorId, actorRole, subject, action, attemptedAction,
                        outcome, reason, conversationId, messageId, clientId, accountId, sourceAddress, requestId, hash)
                .map(v -> Objects.toString(v, "")).toList();
    }
}
