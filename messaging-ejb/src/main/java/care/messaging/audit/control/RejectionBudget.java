package care.messaging.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the audit of refused credentials cheap under a flood. Per node, per source address, reason and
 * minute, the first {@code messaging.audit.rejections.per-source-minute} refusals are recorded one row
 * each, as before; the rest are only counted, and once their minute is over one row per (source, reason,
 * minute) records how many there were. Memory is bounded: past {@code messaging.audit.rejections.max-sources}
 * distinct keys in flight, further sources share one bucket per reason and minute (source "*").
 */
@ApplicationScoped
public class RejectionBudget {

    /** What a flood left uncounted in the trail: {@code count} refusals beyond the budget in {@code minute}. */
    public record Repeats(String source, String reason, Instant minute, long count) {
    }

    record Key(String source, String reason, Instant minute) {
    }

    static final String OTHER_SOURCES = "*";

    @Inject
    @ConfigProperty(name = "messaging.audit.rejections.per-source-minute", defaultValue = "10")
    int perSourceMinute;
    @Inject
    @ConfigProperty(name = "messaging.audit.rejections.max-sources", defaultValue = "10000")
    int maxKeys;

    private final ConcurrentHashMap<Key, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one refusal; true when it is within the budget and gets a row of its own. */
    public boolean admit(String source, String reason, Instant now) {
        var minute = now.truncatedTo(ChronoUnit.MINUTES);
        var key = new Key(source == null ? "" : source, reason, minute);
        if (!counts.containsKey(key) && counts.size() >= maxKeys) {
            key = new Key(OTHER_SOURCES, reason, minute);
        }
        var count = counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        return count <= perSourceMinute && !OTHER_SOURCES.equals(key.source());
    }

    /** Takes out every minute that is over; answers what was counted beyond the budget in them. */
    public List<Repeats> drainFinished(Instant now) {
        var current = now.truncatedTo(ChronoUnit.MINUTES);
        var repeats = new ArrayList<Repeats>();
        for (var key : List.copyOf(counts.keySet())) {
            if (key.minute().isBefore(current)) {
                var count = counts.remove(key).get();
                var beyond = OTHER_SOURCES.equals(key.source()) ? count : count - perSourceMinute;
                if (beyond > 0) {
                    repeats.add(new Repeats(key.source(), key.reason(), key.minute(), beyond));
                }
            }
        }
        return repeats;
    }
}
