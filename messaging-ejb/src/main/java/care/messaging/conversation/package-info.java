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
 * Each participant keeps their own state of a conversation (archived, marked unread, a draft) in one row
 * per account; it never moves a read marker back, so receipts the other side saw stay true. A draft is
 * PHI and sealed like a message body. A deleted message keeps its row and seq (order, receipts) but its
 * ciphertext is erased, so nothing, key rotation included, can bring the text back.
 * <p>
 * Search over encrypted bodies uses a blind index written in the send transaction: keyed hashes of every
 * normalized word and word beginning, under a key per practice, so the database never holds a word and
 * equal words are linkable only within one practice. The index only proposes candidates; each is
 * decrypted and checked before it is shown, so collisions and stale rows cost time, never correctness.
 */
package care.messaging.conversation;
