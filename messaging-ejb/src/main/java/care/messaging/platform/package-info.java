/**
 * What every component stands on: the domain exception family (one unchecked base with a stable
 * problem type per failure, no HTTP types, so timers and sockets throw the same ones), the schema
 * migration that must finish before anything touches the database, the clock, readiness, and the
 * request context (request id, source address) that the web layer fills in for the audit trail.
 */
package care.messaging.platform;
