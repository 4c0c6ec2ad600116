package care.messaging.invitation.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An account's open invitation as its admin sees it. {@code code} is there only in the answer that made it
 * (it is never stored in clear), null when the invitation is only looked at; {@code app} says which app's
 * link carries it: {@code portal} for clients and guardians, {@code practitioner} for members.
 */
public record InvitationView(UUID accountId, String app, String code, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                             boolean expired) {
}
