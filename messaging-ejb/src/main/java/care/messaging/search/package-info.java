/**
 * Search within the caller's own conversations: messages by their words (or word beginnings), and
 * conversations by the other side's name.
 * <p>
 * Decisions: search over encrypted bodies uses a blind index, keyed hashes of every normalized word and
 * word beginning under a key per practice, so the database never holds a word and equal words are
 * linkable only within one practice. The index is written in the send's own transaction and removed in
 * the erasure's: conversation announces both with synchronous CDI events it defines ({@code MessagePosted},
 * {@code MessageErased}), observed here in the caller's transaction, so an index row commits or rolls
 * back with its message and conversation never depends on search. A backfill timer indexes what the
 * current key has not (messages from before search, or after the key was replaced). The index only
 * proposes candidates; each is decrypted and checked before it is shown, so collisions and stale rows
 * cost time, never correctness. Search terms are PHI: asked by POST, never repeated in an error, audited without them.
 */
package care.messaging.search;
