/**
 * Break-glass: an admin opens a conversation of their practice that they are not part of, for a stated
 * reason and a limited time, and the conversation's practitioner (and the practice's admins) see every
 * such access.
 * <p>
 * Decisions: the reason is sealed like a message body; a grant expires by itself (no revoke needed to be
 * safe). The reads a grant allows are the conversation's ordinary read, audited there as emergency reads:
 * reading asks "is a grant active?" through {@code conversation.control.BreakGlass}, an interface
 * conversation defines and this component implements, so the dependency runs one way (emergency builds
 * on conversations, a grant names one) and the one read path for messages stays the one that authorizes
 * them.
 */
package care.messaging.emergency;
