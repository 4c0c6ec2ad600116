/**
 * The audit trail: who did what to which record, when, from where, and who was refused. Every read and
 * write of PHI, every admin action and every denied access leaves one row; targets are ids, never
 * message text or names.
 * <p>
 * Decisions: a success is recorded inside the use case's own transaction, so the row exists exactly
 * when the action committed; a denial is recorded in a transaction of its own, so it survives the
 * rollback of the refused call. Rows form one hash chain per practice (a nil-UUID chain for events
 * of no practice), numbered without gaps under a lock on the chain's head row; each row's hash is an
 * HMAC over its canonical encoding and the previous row's hash, keyed outside the database, so someone
 * holding only the database can neither edit, delete, insert nor recompute rows unnoticed. Verification
 * walks a chain and reports the first broken link. The application's database role may only insert and
 * select audit rows (config/database/audit-role.sql).
 * <p>
 * Every component writes here, so the audit uses no component but platform (ComponentCyclesTest): the
 * use case passes the actor it acts as, the directory's lookup attributes a refusal to an account, the
 * MAC key is crypto's, both injected by platform qualifiers; and who may review which chains is decided
 * above, by the directory, which hands the chains to verification and export.
 */
package care.messaging.audit;
