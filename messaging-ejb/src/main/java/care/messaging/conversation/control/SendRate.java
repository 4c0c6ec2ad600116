package care.messaging.conversation.control;

import care.messaging.platform.entity.DomainException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A safety valve on new messages per sender: a token bucket of {@code messaging.send.rate.capacity}
 * messages in a burst, refilled at {@code messaging.send.rate.per-minute}. Buckets live in this node's
 * memory, so N nodes allow N times the rate; that is enough to stop a runaway client or script, which is
 * all this is for. One bucket per account that ever sent since start-up: bounded by the directory.
 */
@ApplicationScoped
public class SendRate {

    @Inject
    @ConfigProperty(name = "messaging.send.rate.capacity", defaultValue = "30")
    long capacity;
    @Inject
    @ConfigProperty(name = "messaging.send.rate.per-minute", defaultValue = "60")
    long perMinute;
    @Inject
    Clock clock;

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private TimeMeter time;

    @PostConstruct
    void init() {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalStateException("messaging.send.rate.capacity and messaging.send.rate.per-minute must be at least 1");
        }
        // The injected clock, not the JVM's nanoTime, so that tests can move time.
        time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                var now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one message from the sender's allowance, or refuses with the seconds until the next one. */
    public void take(UUID sender) {
        var probe = buckets.computeIfAbsent(sender, s -> bucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            // Rounded up: a client that waits exactly Retry-After seconds finds the next message allowed.
            var seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw DomainException.tooManyRequests("rate-limited", "Too many messages; try again later", seconds);
        }
    }

    Bucket bucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }
}
