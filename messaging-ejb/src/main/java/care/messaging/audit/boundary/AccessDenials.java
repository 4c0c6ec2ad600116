package care.messaging.audit.boundary;

import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType.Kind;
import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.Uuids;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Records every refusal that leaves a boundary method marked {@link Attempts}: unauthenticated,
 * forbidden or not found, and a {@link PolicyRefusal} (a send refused by a messaging setting). Invalid
 * input and other conflicts are not access decisions and are not recorded.
 * <p>
 * The refusal is written in a transaction of its own while the refused one is still open. That is safe
 * as long as the refused transaction holds no chain head yet, which is why use cases record their
 * success last; if one ever refuses after recording, the refusal is logged instead of waiting forever
 * for a lock its own suspended transaction holds.
 */
@Interceptor
@Attempts(Action.ACCESS_DENIED) // the binding; the action recorded is the one on the refused method
@Priority(Interceptor.Priority.APPLICATION)
public class AccessDenials {

    private static final System.Logger LOGGER = System.getLogger(AccessDenials.class.getName());
    static final Set<Kind> DENIALS = EnumSet.of(Kind.UNAUTHENTICATED, Kind.FORBIDDEN, Kind.NOT_FOUND);

    @Inject
    AuditTrail trail;
    @Resource
    TransactionSynchronizationRegistry transaction;

    @AroundInvoke
    public Object recordDenials(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (DomainException refusal) {
            var attempt = call.getMethod().getAnnotation(Attempts.class);
            if (attempt != null && (DENIALS.contains(refusal.kind()) || refusal instanceof PolicyRefusal)) {
                record(call, attempt, refusal);
            }
            throw refusal;
        }
    }

    void record(InvocationContext call, Attempts attempt, DomainException refusal) {
        if (transaction.getTransactionKey() != null && transaction.getResource(AuditTrail.APPENDED) != null) {
            LOGGER.log(System.Logger.Level.ERROR, "Refusal {0} of {1} after its success was recorded: not recorded",
                    refusal.type(), attempt.value().code());
            return;
        }
        try {
            trail.recordDenied(identity(call.getParameters()), attempt.value(), refusal,
                    targets(call.getMethod(), call.getParameters()));
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "Could not record refusal " + refusal.type() + " of " + attempt.value().code(), e);
        }
    }

    static Identity identity(Object[] parameters) {
        for (var parameter : parameters) {
            if (parameter instanceof Identity identity) {
                return identity;
            }
        }
        return null;
    }

    static Targets targets(Method method, Object[] parameters) {
        UUID conversation = null;
        UUID message = null;
        UUID client = null;
        UUID account = null;
        var annotations = method.getParameterAnnotations();
        for (var i = 0; i < parameters.length; i++) {
            for (var annotation : annotations[i]) {
                if (annotation instanceof AuditTarget target) {
                    var id = id(parameters[i]);
                    switch (target.value()) {
                        case CONVERSATION -> conversation = id;
                        case MESSAGE -> message = id;
                        case CLIENT -> client = id;
                        case ACCOUNT -> account = id;
                    }
                }
            }
        }
        return new Targets(conversation, message, client, account);
    }

    /** The id a parameter holds; a malformed one names nothing (and is never stored as text). */
    static UUID id(Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        return value == null ? null : Uuids.parse(value.toString()).orElse(null);
    }
}
