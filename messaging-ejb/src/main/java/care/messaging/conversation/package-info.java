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
 * <p>
 * Each participant keeps their own state of a conversation (archived, marked unread) in one row per
 * account; it never moves a read marker back, so receipts the other side saw stay true. The same row
 * holds the participant's draft, which is the {@code draft} component's, except that a send clears the
 * sender's draft in the one statement that updates everyone's state. A deleted message keeps its row and
 * seq (order, receipts) but its ciphertext is erased, so nothing, key rotation included, can bring the
 * text back.
 * <p>
 * Components that build on conversations are told, never called: a posted or erased message is a
 * synchronous CDI event ({@code entity.MessagePosted}, {@code entity.MessageErased}) whose observers
 * (the search index) run in the same transaction, so their writes commit or roll back with the
 * message. The one question conversation must ask another component, whether an admin holds an active
 * emergency access, goes through an interface defined here ({@code control.BreakGlass}), so no
 * dependency points back from conversation to {@code search}, {@code draft} or {@code emergency}.
 */
package care.messaging.conversation;
