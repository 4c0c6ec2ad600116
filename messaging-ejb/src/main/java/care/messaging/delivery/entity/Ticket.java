package care.messaging.delivery.entity;

import java.time.OffsetDateTime;

/**
 * A one-time ticket to open the WebSocket, as the client receives it: 32 random bytes, base64url. Only its
 * SHA-256 is stored, so the ticket exists in clear only in this answer.
 */
public record Ticket(String ticket, OffsetDateTime expiresAt) {
}
