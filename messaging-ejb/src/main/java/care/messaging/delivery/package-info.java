/**
 * Delivery: every account's event stream (appended with the change it reports, read by cursor), the
 * hints that wake waiting readers on this node and, through PostgreSQL NOTIFY, on every other node; the
 * one-time tickets that let a browser open the WebSocket; and presence (online = active in the last five
 * minutes), whose changes travel as events in the same streams.
 */
package care.messaging.delivery;
