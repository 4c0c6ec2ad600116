/**
 * Black-box tests of the EAR on a real Payara Server domain, over HTTP only.
 * <p>
 * Decisions: one domain and one database per test run, shared by every class through {@link
 * care.messaging.system.PayaraServer}, because creating, starting and configuring a domain costs far more
 * than all the tests together. The domain is configured by config/payara-server/setup.sh, the script
 * hospital IT runs, so the script is tested with the application. Tests share the demo data, so each one
 * stands alone: fresh clientMessageIds, and deltas rather than absolute counts. Runs of other worktrees
 * on the same machine are expected: a run claims its port base with a file lock (29000, else the next
 * free one in steps of 100) and only ever stops a domain or drops a database that its own directory made.
 */
package care.messaging.system;
