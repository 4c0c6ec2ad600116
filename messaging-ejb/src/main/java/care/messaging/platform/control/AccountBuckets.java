package care.messaging.platform.control;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per account, in this node's memory: {@code capacity} in a burst, refilled evenly at
 * {@code perMinute}. N nodes allow N times the rate; enough to stop a runaway client or script. One bucket
 * per account that ever asked since start-up: bounded by the directory. Time comes from the given clock,
 * not the JVM's nanoTime, so tests can move it.
 */
public final class AccountBuckets {

    private final long capacity;
    private final long perMinute;
    private final String refusal;
    private final TimeMeter time;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code keys} names the two settings in the error a bad configuration gets; {@code refusal} is the 429's title. */
    public AccountBuckets(long capacity, long perMinute, Clock clock, String keys, String refusal) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalStateException(keys + ".capacity and " + keys + ".per-minute must be at least 1");
        }
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.refusal = refusal;
        this.time = new TimeMeter() {
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

    /** Takes one from the account's allowance, or refuses (429 rate-limited) with the seconds until the next one. */
    public void take(UUID account) {
        var probe = buckets.computeIfAbsent(account, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            // Rounded up: a client that waits exactly Retry-After seconds finds the next one allowed.
            var seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw DomainException.tooManyRequests(ProblemType.RATE_LIMITED, refusal, seconds);
        }
    }
}
