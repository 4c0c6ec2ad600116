/**
 * Conversations between a practitioner and a client (a minor's thread is read and written by their
 * guardians), their messages, and each reader's position in them.
 * <p>
 * Decisions: order is a per-conversation {@code seq} assigned while the conversation row is locked, so
 * it is gap-free and never depends on clocks; {@code (sender, clientMessageId)} is unique forever, and
 * because a retry takes the same lock it always finds the original instead of racing it; read markers
 * only move forward and unread counts are derived from them, so they cannot drift. Rich text is
 * sanitized on the way in, once, to a small allowlist. A conversation the caller is not part of is
 * reported as not found, exactly like one that does not exist.
 */
package care.messaging.conversation;
