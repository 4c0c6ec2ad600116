package care.messaging.bench.realtime;

import static care.messaging.bench.Report.*;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where B1's ceiling is on this machine, each rung measured in the same run with 16 clients and divided by
 * rung (a): (a) pgbench's one-row INSERT per commit (B1's divisor); (b) the application's send transaction
 * replayed over JDBC, no application server ({@link SendReplay}); (c) GET /api/me over HTTP, the cheapest
 * authenticated request, doing almost nothing; (d) B1 itself. (b) is what a perfect application server could
 * reach with this schema and these statements, (c) what this server reaches for a request without work.
 */
final class Ladder {

    private final Realtime bench;
    double replayPerSecond = Double.NaN;
    double mePerSecond = Double.NaN;

    Ladder(Realtime bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        note("# B1's ladder (load average %s)", load());
        var limit = limit("single_tps_c16");
        try {
            var replay = new SendReplay(bench);
            replay.run(3);
            replayPerSecond = replay.run(bench.seconds);
            print("B1.ladder.b.replay_sends_per_s", String.format("%.0f", replayPerSecond), "the send transaction's statements over JDBC, "
                    + bench.layout.replay().size() + " clients, no application server, " + bench.seconds + " s; errors " + replay.errorCounts());
            print("B1.ladder.b.ratio", limit == null ? "unknown" : ratio(replayPerSecond, limit), "over single_tps_c16");
            if (!replay.errorCounts().isEmpty()) {
                bench.failed.add("B1.ladder.b");
            }
        } catch (Exception | AssertionError e) {
            print("B1.ladder.b.error", "broke off: " + e + "; no figure");
            bench.failed.add("B1.ladder.b");
        }
        getMe(3);
        var statuses = new TreeMap<Integer, Long>();
        mePerSecond = getMe(bench.seconds, statuses);
        print("B1.ladder.c.get_me_per_s", String.format("%.0f", mePerSecond), "GET /api/me, " + bench.senderCount
                + " clients (B1's senders' tokens), 200s per second, " + bench.seconds + " s; statuses " + statuses);
        print("B1.ladder.c.ratio", limit == null ? "unknown" : ratio(mePerSecond, limit), "over single_tps_c16");
        if (statuses.keySet().stream().anyMatch(status -> status != 200)) {
            bench.failed.add("B1.ladder.c");
        }
    }

    double getMe(int seconds) throws Exception {
        return getMe(seconds, new TreeMap<>());
    }

    /** Closed loop: each of B1's senders asks GET /api/me as fast as the answers come. */
    double getMe(int seconds, Map<Integer, Long> statuses) throws Exception {
        var counts = new ConcurrentHashMap<Integer, LongAdder>();
        var begin = System.nanoTime();
        var end = begin + TimeUnit.SECONDS.toNanos(seconds);
        var threads = new ArrayList<Thread>();
        for (var sender : bench.layout.spread()) {
            var token = bench.tokens.get(sender.username());
            var thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    counts.computeIfAbsent(bench.api.me(token), s -> new LongAdder()).increment();
                }
            }, "me-" + sender.username());
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        var elapsed = seconds(System.nanoTime() - begin);
        counts.forEach((status, count) -> statuses.put(status, count.sum()));
        return statuses.getOrDefault(200, 0L) / elapsed;
    }

    /** The ladder with B1 (d) on top, each rung over (a). */
    void summary(double b1, double b1WithoutSockets) {
        var limit = limit("single_tps_c16");
        if (limit == null) {
            print("B1.ladder", "unknown: no pgbench figure");
            return;
        }
        print("B1.ladder.a.pgbench_single_insert_tps", String.format("%.0f", limit), "ratio 1.000; load average now " + load());
        print("B1.ladder.b.replay_sends_per_s", Double.isNaN(replayPerSecond) ? "none" : String.format("%.0f", replayPerSecond), "ratio " + ratio(replayPerSecond, limit)
                + ": the send's SQL alone, the most any application could reach");
        print("B1.ladder.c.get_me_per_s", String.format("%.0f", mePerSecond), "ratio " + ratio(mePerSecond, limit)
                + ": an authenticated request that does almost nothing, on this server");
        print("B1.ladder.d.b1_sends_per_s", String.format("%.0f", b1), "ratio " + ratio(b1, limit)
                + " (without sockets " + String.format("%.0f", b1WithoutSockets) + ", ratio " + ratio(b1WithoutSockets, limit) + ")");
    }
}
