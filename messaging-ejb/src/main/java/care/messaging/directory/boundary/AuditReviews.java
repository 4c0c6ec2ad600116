package care.messaging.directory.boundary;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.control.AuditExports;
import care.messaging.audit.control.ChainVerifier;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.AuditEvent;
import care.messaging.audit.entity.Outcome;
import care.messaging.audit.entity.Targets;
import care.messaging.audit.entity.Verification;
import care.messaging.directory.control.Reviewers;
import care.messaging.platform.entity.Identity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reviewing the audit trail: verifying its chains and exporting it. Both are audited themselves. The use
 * case sits here, above the trail: who may review which chains is a question about accounts
 * ({@link Reviewers}), and the audit trail, which every component writes to, depends on none of them.
 */
@Stateless
public class AuditReviews {

    @Inject
    Reviewers reviewers;
    @Inject
    ChainVerifier verifier;
    @Inject
    AuditExports exports;
    @Inject
    AuditTrail trail;

    @Attempts(Action.AUDIT_VERIFY)
    public Verification verify(Identity identity) {
        var reviewer = reviewers.reviewer(identity);
        var verification = verifier.verify(reviewer.chains());
        trail.record(reviewer.account().actor(), Action.AUDIT_VERIFY, Outcome.SUCCESS, Targets.none());
        return verification;
    }

    /** The reviewer's events in the range (of the account, as actor or target, and of the client, if named), in chain order. */
    @Attempts(Action.AUDIT_EXPORT)
    public List<AuditEvent> export(Identity identity, String from, String to,
                                   @AuditTarget(AuditTarget.Kind.ACCOUNT) String accountId,
                                   @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var reviewer = reviewers.reviewer(identity);
        var range = exports.range(from, to);
        var account = reviewers.account(reviewer, accountId);
        var client = reviewers.client(reviewer, clientId);
        var events = exports.events(reviewer.chains(), range, account, client);
        trail.record(reviewer.account().actor(), Action.AUDIT_EXPORT, Outcome.SUCCESS, new Targets(null, null, client, account));
        return events;
    }
}
