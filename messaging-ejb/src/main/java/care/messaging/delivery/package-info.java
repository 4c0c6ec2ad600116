/**
 * Delivery: every account's event stream (appended with the change it reports, read by cursor), the
 * hints that wake waiting readers on this node and, through PostgreSQL NOTIFY, on every other node.
 */
package care.messaging.delivery;
