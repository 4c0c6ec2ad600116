/**
 * What every component stands on: the domain exception family (one unchecked base with a stable
 * problem type per failure, no HTTP types, so timers and sockets throw the same ones), the schema
 * migration that must finish before anything touches the database, the clock, and readiness.
 */
package care.messaging.platform;
