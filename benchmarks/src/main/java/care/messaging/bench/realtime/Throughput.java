package care.messaging.bench.realtime;

import static care.messaging.bench.Report.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B1: closed-loop sends per second of 16 senders, each sending as fast as its 201s come back, over pgbench's
 * 16-client single-insert rate measured in the same run. Measured without sockets first (B1's ceiling), then
 * under the crowd of sockets, where every 201'd message must arrive once on its recipient's socket.
 */
final class Throughput {

    record ClosedLoop(double sendsPerSecond, Deliveries deliveries, Map<Integer, Long> errors, double seconds) {
    }

    private final Realtime bench;
    final Ladder ladder;
    /** B1's sends/s with the sockets: what the machine sustains, for B3's second round. */
    double b1Rate;
    double noSocketsRate;

    Throughput(Realtime bench) {
        this.bench = bench;
        this.ladder = new Ladder(bench);
    }

    /**
     * Each sender sends as fast as its answers come, round-robin over its conversations, for the given time.
     * With a crowd, its sockets' deliveries are checked against the 201s.
     */
    ClosedLoop closedLoop(String name, List<Seed.Sender> senders, int duration, Crowd crowd) throws Exception {
        var tally = new Tally();
        if (crowd != null) {
            crowd.watch(tally.deliveries);
        }
        try {
            var begin = System.nanoTime();
            var end = begin + TimeUnit.SECONDS.toNanos(duration);
            var threads = new ArrayList<Thread>();
            for (var sender : senders) {
                var token = bench.tokens.get(sender.username());
                var thread = new Thread(() -> {
                    var i = 0;
                    while (System.nanoTime() < end) {
                        var target = sender.targets().get(i++ % sender.targets().size());
                        tally.answered(bench.api.sendNow(token, target.conversation(), Realtime.BODY), target.recipient().account());
                    }
                }, name + "-" + sender.username());
                thread.start();
                threads.add(thread);
            }
            for (var thread : threads) {
                thread.join();
            }
            var elapsed = seconds(Math.max(tally.lastAnswer.get(), end) - begin);
            if (crowd != null) {
                tally.deliveries.awaitAll(15_000);
            }
            return new ClosedLoop(tally.created.sum() / elapsed, tally.deliveries, tally.errorCounts(), elapsed);
        } finally {
            if (crowd != null) {
                crowd.watch(null);
            }
        }
    }

    /** A few seconds of sending that nothing reports: JIT, connections and caches, before a measured phase. */
    void warmUp(Crowd crowd) throws Exception {
        closedLoop("warmup", bench.layout.spread(), 3, crowd);
    }

    /**
     * B1's send loop before any socket is connected: the ceiling for B1, with senders in 16 practices and then in
     * one (one audit chain). Needs no /ws.
     */
    void withoutSockets() throws Exception {
        warmUp(null);
        var limit = limit("single_tps_c16");
        for (var key : List.of("B1.no_sockets", "B1.one_practice.no_sockets")) {
            var spread = key.equals("B1.no_sockets");
            var result = closedLoop(key, spread ? bench.layout.spread() : bench.layout.onePractice(), bench.seconds, null);
            if (spread) {
                noSocketsRate = result.sendsPerSecond();
            }
            print(key + ".sends_per_s", String.format("%.0f", result.sendsPerSecond()), "201s per second; " + bench.senderCount
                    + (spread ? " senders, one per practice" : " senders in one practice (one audit chain)")
                    + ", no socket connected (B1's ceiling), " + String.format("%.0f s", result.seconds()));
            print(key + ".ratio", limit == null ? "unknown" : ratio(result.sendsPerSecond(), limit), "over single_tps_c16");
            print(key + ".check", "sent=" + result.deliveries().sent.sum() + " send_errors=" + result.errors());
            if (!result.errors().isEmpty()) {
                bench.failed.add(key);
            }
        }
    }

    /** B1 (senders spread over 16 practices) and B1.one_practice, with the crowd's sockets reading. */
    void withSockets(Crowd crowd) throws Exception {
        warmUp(crowd);
        b1("B1", bench.layout.spread(), bench.senderCount + " senders, one per practice (" + bench.senderCount + " audit chains)", crowd);
        b1("B1.one_practice", bench.layout.onePractice(), bench.senderCount + " senders in one practice (one audit chain)", crowd);
    }

    void b1(String key, List<Seed.Sender> senders, String layoutNote, Crowd crowd) throws Exception {
        var result = closedLoop(key, senders, bench.seconds, crowd);
        var limit = limit("single_tps_c16");
        print(key + ".sends_per_s", String.format("%.0f", result.sendsPerSecond()), "201s per second; " + layoutNote
                + ", " + crowd.size() + " sockets connected, " + String.format("%.0f s", result.seconds()));
        print(key + ".limit.single_tps_c16", limit == null ? "unknown" : String.format("%.0f", limit),
                "pgbench, 16 clients, one-row INSERT (528-byte body) per commit, same run");
        print(key + ".ratio", limit == null ? "unknown" : ratio(result.sendsPerSecond(), limit), key.equals("B1") ? "target >= 0.25" : null);
        print(key + ".delivery_p50_ms", ms(Deliveries.millis(result.deliveries().latency, 50)),
                "send request start to message.created on the recipient's socket, at saturation");
        print(key + ".delivery_p99_ms", ms(Deliveries.millis(result.deliveries().latency, 99)));
        bench.checkDeliveries(key, result.deliveries(), result.errors());
        if (key.equals("B1")) {
            b1Rate = result.sendsPerSecond();
            if (noSocketsRate > 0) {
                print("B1.ratio_to_no_sockets", ratio(b1Rate, noSocketsRate), "B1 over B1.no_sockets: what holding the sockets costs the senders");
            }
            ladder.summary(b1Rate, noSocketsRate);
        }
    }
}
