package care.messaging.delivery.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.delivery.control.Tickets;
import care.messaging.delivery.entity.Admission;
import care.messaging.delivery.entity.Ticket;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Letting a WebSocket in. A browser cannot send its token on the handshake, so it first trades the token
 * for a one-time ticket; other clients send the token itself. Either way the socket carries the token's
 * exp and closes then. Openings and refusals are audited; what flows over the socket afterwards is the
 * event stream, read through {@link Events}.
 */
@Stateless
public class Realtime {

    @Inject
    Accounts accounts;
    @Inject
    Tickets tickets;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Attempts(Action.REALTIME_TICKET)
    public Ticket ticket(Identity identity, OffsetDateTime tokenExpiresAt) {
        var me = accounts.authenticate(identity);
        var now = now();
        requireUnexpired(tokenExpiresAt, now);
        var ticket = tickets.issue(me.id(), tokenExpiresAt, now);
        audit.record(me.actor(), Action.REALTIME_TICKET, SUCCESS, Targets.none());
        return ticket;
    }

    /** A handshake that carried a ticket (or, when {@code ticket} is null, no credentials at all). */
    @Attempts(Action.REALTIME_CONNECT)
    public Admission redeem(String ticket) {
        if (ticket == null) {
            throw new DomainException(ProblemType.NOT_AUTHENTICATED, "A ticket or a bearer token is required");
        }
        var admission = tickets.redeem(ticket, now())
                .orElseThrow(() -> new DomainException(ProblemType.INVALID_TICKET, "A valid, unused ticket is required"));
        var account = accounts.stillEnabled(admission.account());
        audit.record(account.actor(), Action.REALTIME_CONNECT, SUCCESS, Targets.none());
        return admission;
    }

    /** A handshake that carried a bearer token, already verified by the server's MP-JWT. */
    @Attempts(Action.REALTIME_CONNECT)
    public Admission connect(Identity identity, OffsetDateTime tokenExpiresAt) {
        var me = accounts.authenticate(identity);
        requireUnexpired(tokenExpiresAt, now());
        audit.record(me.actor(), Action.REALTIME_CONNECT, SUCCESS, Targets.none());
        return new Admission(me.id(), tokenExpiresAt);
    }

    /** Timer: forgets expired tickets. */
    public int purgeExpiredTickets() {
        return tickets.purge(now());
    }

    /**
     * The socket must close at the token's exp, so a token past it opens none, even while the clock skew
     * still lets it call the API.
     */
    static void requireUnexpired(OffsetDateTime tokenExpiresAt, OffsetDateTime now) {
        if (tokenExpiresAt == null || !tokenExpiresAt.isAfter(now)) {
            throw new DomainException(ProblemType.INVALID_TOKEN, "A valid bearer token is required");
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
