package care.messaging.audit.boundary;

import care.messaging.audit.control.RejectionBudget;
import care.messaging.audit.control.AuditLog;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.AuditEvent;
import care.messaging.audit.entity.Origin;
import care.messaging.audit.entity.Outcome;
import care.messaging.audit.entity.Targets;
import care.messaging.platform.control.ActorOfSubject;
import care.messaging.platform.control.RequestContext;
import care.messaging.platform.entity.Actor;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.ProblemType;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The audit trail every feature writes to. {@link #record} joins the caller's transaction, so the row
 * commits exactly when the action does; the refusals get transactions of their own, so they survive
 * the rollback of the call that was refused. Callers say who acted ({@link Actor}); only a refused
 * identity is resolved here, through the directory's {@link ActorOfSubject} lookup, since the audit may
 * depend on no other component.
 */
@Stateless
public class AuditTrail {

    /** Marks a transaction that holds a chain's head lock, which a refusal recorded aside would wait for. */
    static final String APPENDED = AuditTrail.class.getName() + ".appended";

    @Inject
    AuditLog log;
    @Inject
    RejectionBudget budget;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;
    @Inject
    @ActorOfSubject
    Function<String, Optional<Actor>> actorOf;
    @Resource
    TransactionSynchronizationRegistry transaction;

    /** A successful action of the actor, in the caller's transaction; call it last, just before returning. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Actor actor, Action action, Outcome outcome, Targets targets) {
        transaction.putResource(APPENDED, Boolean.TRUE);
        log.append(AuditEvent.of(now(), actor, action, null, outcome, null, targets, origin()));
    }

    /**
     * A refused attempt: token.rejected when the token's subject cannot act at all (unknown, disabled,
     * without a role), access.denied otherwise. Attributed to the account behind the subject, if any.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordDenied(Identity identity, Action attempted, DomainException refusal, Targets targets) {
        var subject = identity == null ? null : identity.subject();
        var actor = subject == null ? Actor.nobody() : actorOf.apply(subject).orElseGet(() -> Actor.claiming(subject));
        var action = subject != null && refusal.kind() == ProblemType.Kind.UNAUTHENTICATED
                ? Action.TOKEN_REJECTED : Action.ACCESS_DENIED;
        log.append(AuditEvent.of(now(), actor, action, attempted, Outcome.DENIED, refusal.type(), targets, origin()));
    }

    /**
     * A token the server refused before the application ran. Its claims are unverified, so the subject is
     * only noted, never resolved to an account or practice: the row goes to the chain of no practice.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRejectedToken(String claimedSubject, String reason) {
        log.append(AuditEvent.of(now(), Actor.claiming(claimedSubject), Action.TOKEN_REJECTED, null,
                Outcome.DENIED, reason, Targets.none(), origin()));
    }

    /**
     * The refusals a flood left without rows of their own ({@link RejectionBudget}), one row per source,
     * reason and finished minute, timed at the end of that minute.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int recordRepeatedRejections() {
        var repeats = budget.drainFinished(clock.instant());
        for (var repeat : repeats) {
            var at = repeat.minute().plusSeconds(60).minusNanos(1000).atOffset(java.time.ZoneOffset.UTC);
            log.append(AuditEvent.of(at, Actor.nobody(), Action.TOKEN_REJECTED_REPEATS, null, Outcome.DENIED,
                    repeat.reason() + ":" + repeat.count(), Targets.none(), new Origin(repeat.source(), null)));
        }
        return repeats.size();
    }

    Origin origin() {
        try {
            return new Origin(request.sourceAddress(), request.requestId());
        } catch (ContextNotActiveException noRequest) {
            return new Origin(null, UUID.randomUUID().toString());
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
