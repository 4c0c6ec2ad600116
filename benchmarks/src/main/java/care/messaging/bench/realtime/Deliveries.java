package care.messaging.bench.realtime;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Joins the sends of one phase with the message.created events that announce them. A message's id is known
 * only from its 201, and the event may arrive before the 201 does (NOTIFY fires at commit), so either side
 * may come first; the latency (request start to event received, one JVM's System.nanoTime) is recorded when
 * both are there. Each message is expected exactly once, on the socket (or poller) of the one account that
 * the benchmark watches for its conversation: missing, duplicate and misrouted deliveries are counted.
 * Memory: one small entry per message of the phase.
 */
final class Deliveries {

    private static final class Entry {
        long sentAt = -1;
        long arrivedAt = -1;
        UUID expected;
        UUID arrivedOn;
        int arrivals;
    }

    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final AtomicLong awaiting = new AtomicLong();
    final LongAdder sent = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder misrouted = new LongAdder();

    /** A 201: the message, the account expected to receive it, and when its request started. */
    void sent(UUID message, UUID recipient, long startNanos) {
        sent.increment();
        entries.compute(message, (id, e) -> {
            e = e == null ? new Entry() : e;
            e.sentAt = startNanos;
            e.expected = recipient;
            if (e.arrivals == 0) {
                awaiting.incrementAndGet();
            } else {
                latency.recordValue(micros(e.arrivedAt - startNanos));
                if (!recipient.equals(e.arrivedOn)) {
                    misrouted.increment();
                }
            }
            return e;
        });
    }

    /** A message.created event on the watched stream of the given account. */
    void arrived(UUID message, UUID account, long receivedNanos) {
        entries.compute(message, (id, e) -> {
            e = e == null ? new Entry() : e;
            e.arrivals++;
            if (e.arrivals > 1) {
                duplicates.increment();
                return e;
            }
            e.arrivedAt = receivedNanos;
            e.arrivedOn = account;
            if (e.sentAt >= 0) {
                awaiting.decrementAndGet();
                latency.recordValue(micros(receivedNanos - e.sentAt));
                if (!e.expected.equals(account)) {
                    misrouted.increment();
                }
            }
            return e;
        });
    }

    boolean isArrived(UUID message) {
        var e = entries.get(message);
        return e != null && e.arrivals > 0;
    }

    /** Sent (201) and not yet received. */
    long awaiting() {
        return awaiting.get();
    }

    /** Waits until every 201'd message has arrived or the time is up; true if all did. */
    boolean awaitAll(long timeoutMillis) throws InterruptedException {
        var end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (awaiting() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return awaiting() == 0;
    }

    /** Events for messages this phase never got a 201 for (a send that failed on the wire, or an earlier phase's). */
    long unexpected() {
        return entries.values().stream().filter(e -> e.sentAt < 0).count();
    }

    static long micros(long nanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
