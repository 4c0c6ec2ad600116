package care.messaging.delivery.boundary;

import care.messaging.platform.entity.StoredTime;
import care.messaging.delivery.control.EventLog;
import care.messaging.delivery.control.PresenceLog;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Presence: an account is online while it was active (an API call, an open socket) in the last five
 * minutes. Coming online and going offline are pushed to everyone who shares a conversation with it, as
 * {@code presence} events. Neither activity nor presence is audited: no PHI, and every API call that shows
 * activity is audited as itself.
 */
@Stateless
public class Presence {

    @Inject
    Accounts accounts;
    @Inject
    PresenceLog log;
    @Inject
    EventLog events;
    @Inject
    Clock clock;

    /** The caller of an API request was active; refused identities simply show no activity. */
    public void seen(Identity identity) {
        record(accounts.authenticate(identity).id());
    }

    /** An open socket's account is active. */
    public void seen(UUID account) {
        record(account);
    }

    /** Timer: tells the counterparts of up to {@code limit} accounts that they went offline; answers how many. */
    public int sweep(int limit) {
        var now = now();
        var gone = log.wentOffline(now, limit);
        var batch = events.batch();
        gone.forEach(account -> log.tell(batch, account, false, now));
        batch.append();
        return gone.size();
    }

    void record(UUID account) {
        var now = now();
        if (log.seen(account, now)) {
            var batch = events.batch();
            log.tell(batch, account, true, now);
            batch.append();
        }
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
