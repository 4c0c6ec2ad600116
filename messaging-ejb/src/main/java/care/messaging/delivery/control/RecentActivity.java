package care.messaging.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this node last passed someone's activity on to presence, so that an API call or a socket's
 * heartbeat costs presence nothing unless a minute has passed. The database applies the same minute for
 * all nodes; this only spares it the calls. Entries older than a minute are dropped once there are many,
 * so the map stays as small as the number of recently active callers.
 */
@ApplicationScoped
public class RecentActivity {

    static final Duration EVERY = Duration.ofMinutes(1);
    static final int PRUNE_ABOVE = 10_000;

    @Inject
    Clock clock;

    private final Map<Object, Instant> passedOn = new ConcurrentHashMap<>();

    /** True for the one caller that should record activity of this key now (a subject or an account id). */
    public boolean due(Object key) {
        var now = clock.instant();
        var recent = now.minus(EVERY);
        var previous = passedOn.get(key);
        if (previous != null && previous.isAfter(recent)) {
            return false;
        }
        var won = new boolean[1];
        passedOn.compute(key, (k, last) -> {
            if (last != null && last.isAfter(recent)) {
                return last;
            }
            won[0] = true;
            return now;
        });
        if (won[0] && passedOn.size() > PRUNE_ABOVE) {
            passedOn.values().removeIf(last -> !last.isAfter(recent));
        }
        return won[0];
    }

    int size() {
        return passedOn.size();
    }
}
