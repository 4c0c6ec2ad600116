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
 * A safety valve on draft saves per account, like {@link SendRate} for messages: apps save as the user
 * types (debounced, about once a second at most), so the default allows two a second, sustained, across
 * all of an account's devices. Per node, in memory; a refused save changes nothing and can be retried.
 */
@ApplicationScoped
public class DraftRate {

    @Inject
    @ConfigProperty(name = "messaging.draft.rate.capacity", defaultValue = "60")
    long capacity;
    @Inject
    @ConfigProperty(name = "messaging.draft.rate.per-minute", defaultValue = "120")
    long perMinute;
    @Inject
    Clock clock;

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private TimeMeter time;

    @PostConstruct
    void init() {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalStateException("messaging.draft.rate.capacity and messaging.draft.rate.per-minute must be at least 1");
        }
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

    public void take(UUID account) {
        var probe = buckets.computeIfAbsent(account, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            var seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw DomainException.tooManyRequests("rate-limited", "Too many draft saves; try again later", seconds);
        }
    }
}
