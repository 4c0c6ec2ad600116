package care.messaging.audit.boundary;

import care.messaging.audit.control.AuditAccess;
import care.messaging.audit.control.AuditRows;
import care.messaging.audit.control.ChainVerifier;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.AuditEvent;
import care.messaging.audit.entity.ExportRange;
import care.messaging.audit.entity.Outcome;
import care.messaging.audit.entity.Targets;
import care.messaging.audit.entity.Verification;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reviewing the audit trail: verifying its chains and exporting it. Both are audited themselves. */
@Stateless
@Interceptors(AccessDenials.class)
public class AuditEvents {

    @Inject
    AuditAccess access;
    @Inject
    ChainVerifier verifier;
    @Inject
    AuditRows rows;
    @Inject
    AuditTrail trail;
    @Inject
    @ConfigProperty(name = "audit.export.max-days", defaultValue = "366")
    int maxDays;
    @Inject
    @ConfigProperty(name = "audit.export.max-rows", defaultValue = "50000")
    int maxRows;

    @Attempts(Action.AUDIT_VERIFY)
    public Verification verify(Identity identity) {
        var reviewer = access.reviewer(identity);
        var verification = verifier.verify(reviewer.chains());
        trail.record(reviewer.account(), Action.AUDIT_VERIFY, Outcome.SUCCESS, Targets.none());
        return verification;
    }

    /** The reviewer's events in the range (of the account, as actor or target, and of the client, if named), in chain order. */
    @Attempts(Action.AUDIT_EXPORT)
    public List<AuditEvent> export(Identity identity, String from, String to,
                                   @AuditTarget(AuditTarget.Kind.ACCOUNT) String accountId,
                                   @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var reviewer = access.reviewer(identity);
        var range = ExportRange.parse(from, to, maxDays);
        var account = access.account(reviewer, accountId);
        var client = access.client(reviewer, clientId);
        var events = reviewer.chains().stream()
                .flatMap(chain -> rows.between(chain, range.from(), range.to(), account, client, maxRows + 1).stream())
                .toList();
        if (events.size() > maxRows) {
            throw DomainException.invalid("export-too-large", "More than " + maxRows + " events: export a shorter range");
        }
        trail.record(reviewer.account(), Action.AUDIT_EXPORT, Outcome.SUCCESS, new Targets(null, null, client, account));
        return events;
    }
}
