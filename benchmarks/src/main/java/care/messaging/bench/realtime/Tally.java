package care.messaging.bench.realtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a load loop counts of its sends' answers: 201s (handed to the delivery check), other statuses, the last answer. */
final class Tally {

    final Deliveries deliveries = new Deliveries();
    final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    final LongAdder created = new LongAdder();
    final AtomicLong lastAnswer = new AtomicLong();

    void answered(Api.Sent sent, UUID recipient) {
        if (sent.created()) {
            deliveries.sent(sent.messageId(), recipient, sent.startNanos());
            created.increment();
        } else {
            errors.computeIfAbsent(sent.status(), s -> new LongAdder()).increment();
        }
        lastAnswer.accumulateAndGet(sent.endNanos(), Math::max);
    }

    Map<Integer, Long> errorCounts() {
        var counts = new TreeMap<Integer, Long>();
        errors.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }
}
