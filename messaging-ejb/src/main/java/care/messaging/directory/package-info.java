/**
 * Who is who: practices (tenants), their members (practitioners, admins) and clients, and the portal
 * accounts through which clients and guardians sign in. A token's {@code sub} links to exactly one
 * enabled account; an unknown or disabled subject is refused, never created on the fly. Every row
 * carries its practice, so isolating tenants is one predicate in each query.
 * <p>
 * The audit trail knows no account, so the directory says who acted: an account's {@code actor()}, the
 * lookup that attributes a refused token's subject to its account, and who may review which chains of
 * the trail (a practice admin their practice's, hospital IT every one).
 */
package care.messaging.directory;
