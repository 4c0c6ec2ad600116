/**
 * Out-of-office: a practitioner's periods away (set by themself, or by an admin for one or several members at
 * once), the automatic reply a client gets while one is on, and the timers that turn periods on and off.
 * <p>
 * A period is two instants and the zone its wall times were chosen in ({@code entity.Period} is the one place
 * that resolves daylight-saving gaps and overlaps), so it means the same on every node and after every change of
 * the practitioner's clock. The reply is sealed like a message body ({@code EncryptedColumn.ABSENCE_REPLY}).
 * It builds on {@code conversation}: the send asks {@code conversation.control.AutomaticReplies}, an interface
 * defined there and answered here, so conversation never depends on this component. Whether a send is answered
 * goes by the period's times, read in the send's transaction; the {@code state} column is only what the timers
 * last announced (an {@code out-of-office.changed} event), claimed by a conditional update so that one node
 * announces each change.
 */
package care.messaging.absence;
