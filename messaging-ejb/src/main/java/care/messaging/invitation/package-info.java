/**
 * Invitations: how a person the practice added (a client, a guardian, a practitioner or admin) binds their
 * identity provider's subject to the account prepared for them, without anyone typing a {@code sub}. An
 * admin invites an account that has not signed up and hands over a link with a single-use code; the person
 * signs in at the provider and redeems the code with that verified token, which binds the token's subject
 * to the account in one transaction.
 * <p>
 * Decisions: the code is 256 random bits and only its SHA-256 is stored, so the table redeems nothing; it
 * exists in clear once, in the answer to the admin who made it (re-sending makes a new one and revokes the
 * old, there is no "show the link again"). A redemption binds only an account of the right role that has
 * not signed up, and only a subject bound to no other account; an invitation that expired, was revoked or
 * used is refused with a type of its own, so the app can say what to do. Refusals are access decisions and
 * recorded by AccessDenials in the trail of no practice (the caller's subject knows no account yet).
 */
package care.messaging.invitation;
