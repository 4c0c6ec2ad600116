/**
 * Each participant's draft of a conversation, kept on the server so any of their devices restores it.
 * <p>
 * Decisions: a draft is PHI, sealed like a message body in its participant's {@code conversation_state}
 * row, and its events say only whether there is one. Saves are rate-limited per account and a late
 * autosave of a draft already sent is ignored. Sending clears the sender's draft in the send's own
 * transaction, but the send does it, not this component: conversation's one statement that updates every
 * participant's state on a send also empties the draft columns and says whether there was a draft, so a
 * send costs no extra statement and conversation never depends on drafts. This component builds on
 * conversation (participation, sanitizing, its events), never the other way round.
 */
package care.messaging.draft;
