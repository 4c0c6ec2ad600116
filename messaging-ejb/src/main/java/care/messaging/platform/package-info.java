/**
 * What every component stands on: the domain exception family (one unchecked base carrying a
 * stable problem type, no HTTP types, so timers and sockets throw the same ones) and the one enum of
 * every problem type the API answers, by slug and kind, which the web module maps to statuses; the schema
 * migration that must finish before anything touches the database, the clock, readiness, and the
 * request context (request id, source address) that the web layer fills in for the audit trail. The
 * values and qualifiers that let the audit trail stand on platform alone live here too: the acting
 * account ({@code Actor}), and the qualifiers under which directory and crypto produce what the audit
 * needs from them ({@code @ActorOfSubject}, {@code @AuditKey}).
 */
package care.messaging.platform;
