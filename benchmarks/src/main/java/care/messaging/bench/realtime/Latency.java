package care.messaging.bench.realtime;

import static care.messaging.bench.Report.*;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * B3: an open loop, sends issued on a fixed schedule whatever the answers do (at most {@link #MAX_IN_FLIGHT}
 * outstanding), latency from the send request's start to the message.created frame on the recipient's socket.
 */
final class Latency {

    static final int MAX_IN_FLIGHT = 256;

    record OpenLoop(int rate, double offered, long skipped, double achieved, Deliveries deliveries, Map<Integer, Long> errors) {
        boolean sustained() {
            return achieved >= 0.95 * rate;
        }
    }

    private final Realtime bench;

    Latency(Realtime bench) {
        this.bench = bench;
    }

    /**
     * B3 at the target rate; if the machine does not sustain it, the latencies of that round are mostly queueing,
     * so a second round runs at 80% of what B1 measured the machine to sustain, and both are reported.
     */
    void b3(Crowd crowd, double b1Rate) throws Exception {
        var target = openLoop(bench.rate, bench.seconds, crowd);
        var spread = bench.senderCount + " senders in " + bench.senderCount + " practices, " + crowd.size() + " sockets, " + bench.seconds + " s";
        print("B3.target_rate", bench.rate, "messages per second, open loop over " + spread);
        if (target.sustained()) {
            report("B3", target);
            return;
        }
        report("B3.at_target", target);
        var sustainable = (int) Math.max(1, Math.floor(0.8 * b1Rate));
        var lower = openLoop(sustainable, bench.seconds, crowd);
        print("B3.note", String.format("this machine did not sustain %d messages/s (%.0f/s achieved, the latencies at that rate are queueing);"
                + " the figures below are at %d/s, 80%% of B1's closed-loop sends/s", bench.rate, target.achieved(), sustainable));
        report("B3", lower);
        if (!lower.sustained()) {
            print("B3.warning", String.format("%d/s was not sustained either (%.0f/s achieved)", sustainable, lower.achieved()));
        }
    }

    void report(String key, OpenLoop run) {
        var h = run.deliveries().latency;
        print(key + ".rate", run.rate(), "messages per second scheduled");
        print(key + ".offered_rate", String.format("%.0f", run.offered()),
                "sends issued per second; skipped " + run.skipped() + " because " + MAX_IN_FLIGHT + " were already outstanding");
        print(key + ".achieved_rate", String.format("%.0f", run.achieved()), "201s per second (until the last answer)");
        print(key + ".p50_ms", ms(Deliveries.millis(h, 50)), "send request start to message.created on the recipient's socket");
        print(key + ".p99_ms", ms(Deliveries.millis(h, 99)));
        print(key + ".max_ms", ms(h.getMaxValue() / 1000.0));
        bench.checkDeliveries(key, run.deliveries(), run.errors());
    }

    OpenLoop openLoop(int rate, int duration, Crowd crowd) throws Exception {
        var tally = new Tally();
        crowd.watch(tally.deliveries);
        try {
            var senders = bench.layout.spread();
            var tokenOf = new HashMap<Seed.Sender, String>();
            senders.forEach(s -> tokenOf.put(s, bench.tokens.get(s.username())));
            var inFlight = new AtomicInteger();
            var skipped = 0L;
            var issued = 0L;
            var period = 1e9 / rate;
            var begin = System.nanoTime();
            var end = begin + TimeUnit.SECONDS.toNanos(duration);
            for (long i = 0; ; i++) {
                var due = begin + (long) (i * period);
                if (due >= end) {
                    break;
                }
                for (var now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    skipped++;
                    continue;
                }
                var sender = senders.get((int) (i % senders.size()));
                var target = sender.targets().get((int) ((i / senders.size()) % sender.targets().size()));
                inFlight.incrementAndGet();
                issued++;
                bench.api.send(tokenOf.get(sender), target.conversation(), Realtime.BODY).thenAccept(sent -> {
                    tally.answered(sent, target.recipient().account());
                    inFlight.decrementAndGet();
                });
            }
            var drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
                Thread.sleep(10);
            }
            var elapsed = seconds(Math.max(tally.lastAnswer.get(), end) - begin);
            tally.deliveries.awaitAll(15_000);
            return new OpenLoop(rate, issued / (double) duration, skipped, tally.created.sum() / elapsed, tally.deliveries,
                    tally.errorCounts());
        } finally {
            crowd.watch(null);
        }
    }
}
