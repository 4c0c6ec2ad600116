package care.messaging.invitation.entity;

import java.util.UUID;

/** What a redeemed invitation bound: the account, which app it signs in to ({@code portal} or {@code practitioner}). */
public record Redemption(UUID accountId, String app) {
}
