/**
 * Who is who: practices (tenants), their members (practitioners, admins) and clients, and the portal
 * accounts through which clients and guardians sign in. A token's {@code sub} links to exactly one
 * enabled account; an unknown or disabled subject is refused, never created on the fly. Every row
 * carries its practice, so isolating tenants is one predicate in each query.
 */
package care.messaging.directory;
