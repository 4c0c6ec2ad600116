package care.messaging.delivery.boundary;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.entity.Action;
import care.messaging.delivery.control.EventReader;
import care.messaging.delivery.entity.EventPage;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Reading one's own event stream. Events hold ids and facts, no PHI, so reading them is not audited;
 * refusals are. Message bodies are fetched through the conversation API, the one path that authorizes them.
 */
@Stateless
public class Events {

    public static final int PAGE = 500;

    /** Whose stream was read, and the page: the web layer subscribes to that account's hints. */
    public record Reading(UUID account, EventPage page) {
    }

    @Inject
    Accounts accounts;
    @Inject
    EventReader reader;

    @Attempts(Action.EVENTS_READ)
    public Reading after(Identity identity, Long after) {
        var me = accounts.authenticate(identity);
        var cursor = after == null ? 0 : after;
        if (cursor < 0) {
            throw new DomainException(ProblemType.INVALID_CURSOR, "after must be an event cursor (0 or more)");
        }
        return new Reading(me.id(), reader.after(me.id(), cursor, PAGE));
    }

    /** Where the caller's stream is now; an app asks this before it loads its state, then follows from here. */
    @Attempts(Action.EVENTS_READ)
    public long position(Identity identity) {
        return reader.position(accounts.authenticate(identity).id());
    }

    /**
     * The stream of an account let in before (an open WebSocket, authenticated at its handshake): read only
     * while the account is still enabled, so switching it off cuts its sockets off too.
     */
    @Attempts(Action.EVENTS_READ)
    public EventPage after(@AuditTarget(AuditTarget.Kind.ACCOUNT) UUID account, long after) {
        accounts.stillEnabled(account);
        if (after < 0) {
            throw new DomainException(ProblemType.INVALID_CURSOR, "after must be an event cursor (0 or more)");
        }
        return reader.after(account, after, PAGE);
    }
}
