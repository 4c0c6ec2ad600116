/**
 * Practices as hospital IT runs them: the list of every practice with how many members and clients it has,
 * and founding a new practice together with its first admin, who then signs in with an invitation like any
 * member, so a practice is onboarded without SQL; until that admin has signed up, IT may send them a new
 * invitation, since nobody of the practice can yet. Only the role {@code operator} may do any of it.
 * <p>
 * Decisions: an operator belongs to no practice and sees no PHI, so the list carries ids, practice names, times
 * and counts, never a person's name, and the answer to a founding carries back only the admin's id. Practice
 * names are unique without regard to case among the practices IT founds here (a second "Riverside Therapy"
 * would look the same in every app); the check takes a lock on the row of no practice so two foundings cannot
 * both pass it, rather than a unique index, which rows made before this rule (and test fixtures) would break.
 * This component stands above {@code directory} (whose tables hold practices and accounts) and
 * {@code invitation} (whose machinery makes the admin's single-use code), which is why it is not part of
 * either: the directory may not use invitations, which use it. The operator's rows go to the chain of no
 * practice, as every operator action's do; the new practice is named through its admin's account.
 */
package care.messaging.practice;
