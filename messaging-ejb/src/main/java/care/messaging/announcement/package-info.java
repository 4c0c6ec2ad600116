/**
 * Announcements: one text from a practitioner to several clients of the practice at once (a payment
 * reminder, new opening hours), and what became of each recipient.
 * <p>
 * Decisions: each recipient's copy is an ordinary message of their one thread with the practitioner,
 * written by the conversation component (encrypted, indexed, live, deletable like any message, marked
 * as an announcement), so nothing about reading, search or erasure is special. A block stops only what a
 * client writes, so blocked clients receive announcements; a client whose messaging is off, or who was
 * discharged, is skipped and named. One transaction for all recipients, threads locked in a fixed order;
 * the app chooses the announcement's id, so a retry answers the original and sends nothing again. This
 * component keeps who was meant and what happened (no text): the copies hold the text.
 * <p>
 * An admin announces on behalf of the practice (every client, or the clients of chosen practitioners): an admin has no
 * threads, so each client is reached once through a thread they already have with a practitioner, chosen when the
 * recipients are written and kept in their row so that every batch writes into the same one; the copy names the
 * practice as its sender, and the admin is the actor of its audit row.
 */
package care.messaging.announcement;
