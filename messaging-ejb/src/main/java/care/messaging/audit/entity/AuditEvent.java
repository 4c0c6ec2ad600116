package care.messaging.audit.entity;

import care.messaging.platform.entity.Actor;
import care.messaging.platform.entity.StoredTime;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * One row of the audit trail, and the rule that seals it into its chain: {@code hash} is
 * HMAC-SHA256 over {@link #canonical()}, which encodes every column but the hash itself, the previous
 * row's hash included. The encoding must come out the same after a round trip through PostgreSQL, so
 * time is cut to microseconds (what timestamptz keeps) when the event is made, and each field is
 * length-prefixed with null distinct from empty. Never change it without a new version tag: every
 * stored hash depends on it.
 * <p>
 * The encoding, for anyone re-checking an export offline with the key: the fields below in this order,
 * each as the byte 0 if null, else the byte 1, the length of its UTF-8 bytes as a 4-byte big-endian
 * int, and the bytes: the version tag, chain, no, time as microseconds since the epoch (decimal),
 * practice, actor id, actor role, subject, action, attempted action, outcome, reason, conversation,
 * message, client, account, source address, request id, previous hash (raw bytes). UUIDs and numbers
 * as Java prints them.
 */
public record AuditEvent(long no, OffsetDateTime at, UUID practiceId, Actor actor, String action,
                         String attemptedAction, String outcome, String reason, Targets targets, Origin origin,
                         byte[] prevHash, byte[] hash) {

    /** The chain of events that belong to no practice. */
    public static final UUID NO_PRACTICE = new UUID(0, 0);
    /** What the first row of a chain links to. */
    public static final byte[] GENESIS = new byte[32];
    static final String VERSION = "care-messaging/audit/v1";
    static final String MAC = "HmacSHA256";

    public AuditEvent {
        at = StoredTime.of(at).withOffsetSameInstant(ZoneOffset.UTC);
        actor = actor == null ? Actor.nobody() : actor;
        targets = targets == null ? Targets.none() : targets;
        origin = origin == null ? new Origin(null, null) : origin;
    }

    /**
     * A new event, not yet in a chain: {@link #link} numbers it, {@link #seal} hashes it. It goes to the
     * chain of the actor's practice (of no practice for an actor without one).
     */
    public static AuditEvent of(OffsetDateTime at, Actor actor, Action action, Action attempted,
                                Outcome outcome, String reason, Targets targets, Origin origin) {
        return new AuditEvent(0, at, actor == null ? null : actor.practiceId(), actor, action.code(),
                attempted == null ? null : attempted.code(), outcome.code(), reason, targets, origin, null, null);
    }

    public UUID chain() {
        return practiceId == null ? NO_PRACTICE : practiceId;
    }

    public AuditEvent link(long number, byte[] previous) {
        return new AuditEvent(number, at, practiceId, actor, action, attemptedAction, outcome, reason, targets, origin,
                previous, null);
    }

    public AuditEvent seal(SecretKey key) {
        return new AuditEvent(no, at, practiceId, actor, action, attemptedAction, outcome, reason, targets, origin,
                prevHash, mac(key));
    }

    /** Whether the stored hash is the one this content and previous hash call for (in constant time). */
    public boolean isSealedBy(SecretKey key) {
        return hash != null && MessageDigest.isEqual(hash, mac(key));
    }

    byte[] mac(SecretKey key) {
        try {
            var mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(canonical());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    byte[] canonical() {
        if (prevHash == null) {
            throw new IllegalStateException("An event must be linked before it is sealed");
        }
        var out = new ByteArrayOutputStream(512);
        field(out, VERSION);
        field(out, chain());
        field(out, Long.toString(no));
        field(out, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant())));
        field(out, practiceId);
        field(out, actor.accountId());
        field(out, actor.role());
        field(out, actor.subject());
        field(out, action);
        field(out, attemptedAction);
        field(out, outcome);
        field(out, reason);
        field(out, targets.conversationId());
        field(out, targets.messageId());
        field(out, targets.clientId());
        field(out, targets.accountId());
        field(out, origin.sourceAddress());
        field(out, origin.requestId());
        field(out, prevHash);
        return out.toByteArray();
    }

    static void field(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            out.write(0);
            return;
        }
        var bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
