package care.messaging.bench.realtime;

import static care.messaging.bench.Report.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Real-time delivery on a running application (issue 4), loopback only, every figure printed as key=value
 * with what it is divided by. bin/bench realtime starts Payara Micro on a database of its own, measures
 * PostgreSQL's limits with benchmarks/pg/pg-limits.sh in the same run, and runs this with:
 * <pre>
 *   -Dbench.url=http://127.0.0.1:PORT/messaging/   the application
 *   -Dbench.db=NAME                                its database (PGHOST, PGPORT, PGUSER, PGPASSWORD from the environment)
 *   -Dbench.limit.single_tps_c16=…                 pgbench, 16 clients, one-row INSERT per commit
 *   args: [seconds per load phase (20)]
 *   optional: -Dbench.sockets=1000 -Dbench.senders=16 -Dbench.rate=1000 -Dbench.b8.sends=200 -Dbench.b6.events=500
 * </pre>
 * B1: closed-loop sends/s of 16 senders while the sockets are connected, over single_tps_c16, and every 201'd
 * message checked on its recipient's socket. B3: an open-loop sender at a fixed rate, send request to
 * message.created frame. B6: catch-up of missed events on reconnect (WebSocket and polling) against the bare
 * SQL. B8: delivery latency through the long-polling fallback. B1, B3 and B6's socket half need
 * {@code /messaging/ws}; without it they say so and print no figure (the exit status is then 3).
 */
public final class Realtime {

    /** About 530 characters of HTML, like EncryptionCost's and pg-limits.sh's 528-byte body. */
    static final String BODY = "<p>" + "Thanks for today. The breathing exercise helped, especially before work. ".repeat(7) + "</p>";
    static final int MAX_IN_FLIGHT = 256;

    final URI application = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080/messaging/"));
    final int seconds;
    final int socketCount = Integer.getInteger("bench.sockets", 1000);
    final int senderCount = Integer.getInteger("bench.senders", 16);
    final int rate = Integer.getInteger("bench.rate", 1000);
    final int b8Sends = Integer.getInteger("bench.b8.sends", 200);
    final int b6Events = Integer.getInteger("bench.b6.events", 500) / 2 * 2;
    final Api api = new Api(application);
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final List<String> failed = new ArrayList<>();
    Connection db;
    Seed.Layout layout;
    /** Why the socket benchmarks cannot run, or null when /ws answered. */
    String socketsMissing;

    Realtime(int seconds) {
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        var seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (seconds < 1 || seconds > 120) {
            // Five load phases of this length must end well within the dev login's 15-minute tokens.
            System.err.println("seconds per load phase: 1 to 120");
            System.exit(2);
        }
        var bench = new Realtime(seconds);
        bench.run();
        System.exit(bench.failed.isEmpty() ? 0 : 3);
    }

    void run() throws Exception {
        var begin = System.nanoTime();
        layout = Seed.seed(db(), senderCount, socketCount);
        var seeded = System.nanoTime();
        login();
        note("# seeded %d practices, %d practitioners, %d portal accounts and their conversations in %.1f s; %d dev logins in %.1f s",
                senderCount + 1, 2 * senderCount + 2, layout.socketPortals().size() + 2, seconds(seeded - begin),
                tokens.size(), seconds(System.nanoTime() - seeded));
        probe();
        var catchUp = new CatchUp(this);
        guarded("B8", catchUp::b8);
        guarded("B6", catchUp::b6);
        guarded("B1.no_sockets", this::b1WithoutSockets);
        if (socketsMissing == null) {
            guarded("B1+B3", this::sockets);
        } else {
            for (var key : List.of("B1", "B3")) {
                print(key + ".error", "the WebSocket endpoint is not there (" + socketsMissing + "); no figure");
                failed.add(key);
            }
        }
        note("# %s done in %.0f s", Instant.now(), seconds(System.nanoTime() - begin));
    }

    // ---------------------------------------------------------------------------------------------- setup

    interface Benchmark {
        void run() throws Exception;
    }

    /** A benchmark that breaks (PostgreSQL restarted under it, the server died) is reported, and the next one runs. */
    void guarded(String key, Benchmark benchmark) {
        try {
            benchmark.run();
        } catch (Exception | AssertionError e) {
            current = null;
            print(key + ".error", "broke off: " + e + (e.getCause() == null ? "" : " / " + e.getCause()) + "; no figure");
            failed.add(key);
        }
    }

    /** The benchmark's own JDBC connection to the application's database, opened again if it broke. */
    Connection db() throws SQLException {
        if (db == null || !db.isValid(2)) {
            db = DriverManager.getConnection("jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432")
                    + "/" + System.getProperty("bench.db"), env("PGUSER", "postgres"), env("PGPASSWORD", ""));
        }
        return db;
    }

    void login() throws Exception {
        var names = new ArrayList<String>();
        for (var sender : concat(layout.spread(), layout.onePractice(), List.of(layout.reconnectSender(), layout.pollSender()))) {
            names.add(sender.username());
        }
        layout.socketPortals().forEach(p -> names.add(p.username()));
        names.add(layout.reconnect().recipient().username());
        names.add(layout.poll().recipient().username());
        var permits = new Semaphore(16);
        var futures = new ArrayList<CompletableFuture<?>>();
        for (var name : names) {
            permits.acquire();
            futures.add(api.loginAsync(name)
                    .whenComplete((token, failure) -> permits.release())
                    .thenAccept(token -> tokens.put(name, token)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    /** One handshake with a valid token: tells whether /messaging/ws exists before any socket benchmark. */
    void probe() throws InterruptedException {
        var portal = layout.poll().recipient();
        var http = HttpClient.newHttpClient();
        try {
            EventSocket.openNow(http, application, tokens.get(portal.username()), portal.account(), 0, null).close();
            note("# %s answers the WebSocket handshake", EventSocket.endpoint(application, 0));
        } catch (EventSocket.Refused refused) {
            socketsMissing = "GET " + EventSocket.endpoint(application, 0).getPath() + ": " + refused.getMessage();
            if (!refused.endpointMissing()) {
                socketsMissing = "the handshake was refused: " + refused.getMessage();
            }
            note("# WebSocket: %s", socketsMissing);
        }
    }

    // ---------------------------------------------------------------------------------------- B1 and B3

    /** The phase whose sends the sockets' message.created events are matched with; null between phases. */
    volatile Deliveries current;
    /** B1's closed-loop sends/s: what the machine sustains, for B3's second round. */
    double b1Rate;
    double noSocketsRate;
    final LongAdder outsidePhase = new LongAdder();

    void sockets() throws Exception {
        var http = new HttpClient[4];
        for (int i = 0; i < http.length; i++) {
            http[i] = HttpClient.newBuilder().build();
        }
        EventSocket.Sink sink = (socket, page, received) -> {
            var phase = current;
            for (var event : page.events()) {
                if ("message.created".equals(event.getString("type", ""))) {
                    if (phase == null) {
                        outsidePhase.increment();
                    } else {
                        phase.arrived(UUID.fromString(event.getString("messageId")), socket.account, received);
                    }
                }
            }
        };
        var sockets = new ArrayList<EventSocket>();
        var refusals = new TreeMap<String, Integer>();
        var begin = System.nanoTime();
        var permits = new Semaphore(64);
        var opening = new ArrayList<CompletableFuture<EventSocket>>();
        var portals = layout.socketPortals();
        for (int i = 0; i < portals.size(); i++) {
            var portal = portals.get(i);
            permits.acquire();
            opening.add(EventSocket.open(http[i % http.length], application, tokens.get(portal.username()), portal.account(), 0, sink)
                    .whenComplete((s, e) -> permits.release()));
        }
        for (var future : opening) {
            try {
                sockets.add(future.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                refusals.merge(String.valueOf(EventSocket.refused(e).getMessage()), 1, Integer::sum);
            }
        }
        print("sockets.connected", sockets.size(), String.format("of %d, in %.1f s; refused: %s", portals.size(),
                seconds(System.nanoTime() - begin), refusals));
        if (!refusals.isEmpty()) {
            for (var key : List.of("B1", "B3")) {
                print(key + ".error", "only " + sockets.size() + " of " + portals.size() + " sockets connected; no figure");
                failed.add(key);
            }
            sockets.forEach(EventSocket::abort);
            return;
        }
        try {
            closedLoop("warmup", layout.spread(), 3, true);
            b1("B1", layout.spread(), senderCount + " senders, one per practice (" + senderCount + " audit chains)");
            b1("B1.one_practice", layout.onePractice(), senderCount + " senders in one practice (one audit chain)");
            b3();
            print("sockets.check", String.format("lost=%d cursor_breaks=%d resync=%d bad_frames=%d outside_phase=%d closes=%s",
                    sockets.stream().filter(EventSocket::lost).count(),
                    sockets.stream().mapToLong(s -> s.cursorBreaks.sum()).sum(),
                    sockets.stream().mapToLong(s -> s.resyncs.sum()).sum(),
                    sockets.stream().mapToLong(s -> s.badFrames.sum()).sum(),
                    outsidePhase.sum(), closes(sockets)));
            if (sockets.stream().anyMatch(EventSocket::lost) || sockets.stream().anyMatch(s -> s.cursorBreaks.sum() > 0)) {
                failed.add("sockets");
            }
        } finally {
            var closing = sockets.stream().map(s -> CompletableFuture.runAsync(s::close)).toList();
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    static Map<Integer, Long> closes(List<EventSocket> sockets) {
        var closes = new TreeMap<Integer, Long>();
        sockets.stream().filter(EventSocket::lost).forEach(s -> closes.merge(s.closeCode(), 1L, Long::sum));
        return closes;
    }

    /** What a load loop counts of its sends' answers: 201s (handed to the delivery check), other statuses, the last answer. */
    static final class Tally {

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

    record ClosedLoop(double sendsPerSecond, Deliveries deliveries, Map<Integer, Long> errors, long missing, double seconds) {
    }

    /** Each sender sends as fast as its answers come, round-robin over its conversations, for the given time. */
    ClosedLoop closedLoop(String name, List<Seed.Sender> senders, int duration, boolean watched) throws Exception {
        var tally = new Tally();
        current = tally.deliveries;
        var begin = System.nanoTime();
        var end = begin + TimeUnit.SECONDS.toNanos(duration);
        var threads = new ArrayList<Thread>();
        for (var sender : senders) {
            var token = tokens.get(sender.username());
            var thread = new Thread(() -> {
                var i = 0;
                while (System.nanoTime() < end) {
                    var target = sender.targets().get(i++ % sender.targets().size());
                    tally.answered(api.sendNow(token, target.conversation(), BODY), target.recipient().account());
                }
            }, name + "-" + sender.username());
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        var elapsed = seconds(Math.max(tally.lastAnswer.get(), end) - begin);
        if (watched) {
            tally.deliveries.awaitAll(15_000);
        }
        current = null;
        return new ClosedLoop(tally.created.sum() / elapsed, tally.deliveries, tally.errorCounts(), tally.deliveries.awaiting(), elapsed);
    }

    /**
     * B1's send loop before any socket is connected: the ceiling for B1, with senders in 16 practices and then in
     * one (one audit chain). Needs no /ws; the first seconds warm the server up.
     */
    void b1WithoutSockets() throws Exception {
        closedLoop("warmup", layout.spread(), 3, false);
        var limit = limit("single_tps_c16");
        for (var key : List.of("B1.no_sockets", "B1.one_practice.no_sockets")) {
            var spread = key.equals("B1.no_sockets");
            var result = closedLoop(key, spread ? layout.spread() : layout.onePractice(), seconds, false);
            if (spread) {
                noSocketsRate = result.sendsPerSecond();
            }
            print(key + ".sends_per_s", String.format("%.0f", result.sendsPerSecond()), "201s per second; " + senderCount
                    + (spread ? " senders, one per practice" : " senders in one practice (one audit chain)")
                    + ", no socket connected (B1's ceiling), " + String.format("%.0f s", result.seconds()));
            print(key + ".ratio", limit == null ? "unknown" : ratio(result.sendsPerSecond(), limit), "over single_tps_c16");
            print(key + ".check", "sent=" + result.deliveries().sent.sum() + " send_errors=" + result.errors());
            if (!result.errors().isEmpty()) {
                failed.add(key);
            }
        }
    }

    void b1(String key, List<Seed.Sender> senders, String layoutNote) throws Exception {
        var result = closedLoop(key, senders, seconds, true);
        var limit = limit("single_tps_c16");
        print(key + ".sends_per_s", String.format("%.0f", result.sendsPerSecond()), "201s per second; " + layoutNote
                + ", " + socketCount + " sockets connected, " + String.format("%.0f s", result.seconds()));
        print(key + ".limit.single_tps_c16", limit == null ? "unknown" : String.format("%.0f", limit),
                "pgbench, 16 clients, one-row INSERT (528-byte body) per commit, same run");
        print(key + ".ratio", limit == null ? "unknown" : ratio(result.sendsPerSecond(), limit), key.equals("B1") ? "target >= 0.25" : null);
        print(key + ".delivery_p50_ms", ms(Deliveries.millis(result.deliveries().latency, 50)),
                "send request start to message.created on the recipient's socket, at saturation");
        print(key + ".delivery_p99_ms", ms(Deliveries.millis(result.deliveries().latency, 99)));
        checkDeliveries(key, result.deliveries(), result.errors());
        if (key.equals("B1")) {
            b1Rate = result.sendsPerSecond();
            if (noSocketsRate > 0) {
                print("B1.ratio_to_no_sockets", ratio(b1Rate, noSocketsRate), "B1 over B1.no_sockets: what holding the sockets costs the senders");
            }
        }
    }

    void checkDeliveries(String key, Deliveries d, Map<Integer, Long> errors) {
        print(key + ".check", String.format("sent=%d missing=%d duplicate=%d misrouted=%d unexpected=%d send_errors=%s",
                d.sent.sum(), d.awaiting(), d.duplicates.sum(), d.misrouted.sum(), d.unexpected(), errors),
                "every 201'd message on its recipient's socket exactly once");
        if (d.awaiting() > 0 || d.duplicates.sum() > 0 || d.misrouted.sum() > 0 || !errors.isEmpty()) {
            failed.add(key);
        }
    }

    record OpenLoop(int rate, double offered, long skipped, double achieved, Deliveries deliveries, Map<Integer, Long> errors) {
        boolean sustained() {
            return achieved >= 0.95 * rate;
        }
    }

    /**
     * B3 at the target rate; if the machine does not sustain it, the latencies of that round are mostly queueing,
     * so a second round runs at 80% of what B1 measured the machine to sustain, and both are reported.
     */
    void b3() throws Exception {
        var target = openLoop(rate, seconds);
        var spread = senderCount + " senders in " + senderCount + " practices, " + socketCount + " sockets, " + seconds + " s";
        print("B3.target_rate", rate, "messages per second, open loop over " + spread);
        if (target.sustained()) {
            reportOpenLoop("B3", target);
            return;
        }
        reportOpenLoop("B3.at_target", target);
        var sustainable = (int) Math.max(1, Math.floor(0.8 * b1Rate));
        var lower = openLoop(sustainable, seconds);
        print("B3.note", String.format("this machine did not sustain %d messages/s (%.0f/s achieved, the latencies at that rate are queueing);"
                + " the figures below are at %d/s, 80%% of B1's closed-loop sends/s", rate, target.achieved(), sustainable));
        reportOpenLoop("B3", lower);
        if (!lower.sustained()) {
            print("B3.warning", String.format("%d/s was not sustained either (%.0f/s achieved)", sustainable, lower.achieved()));
        }
    }

    void reportOpenLoop(String key, OpenLoop run) {
        var h = run.deliveries().latency;
        print(key + ".rate", run.rate(), "messages per second scheduled");
        print(key + ".offered_rate", String.format("%.0f", run.offered()),
                "sends issued per second; skipped " + run.skipped() + " because " + MAX_IN_FLIGHT + " were already outstanding");
        print(key + ".achieved_rate", String.format("%.0f", run.achieved()), "201s per second (until the last answer)");
        print(key + ".p50_ms", ms(Deliveries.millis(h, 50)), "send request start to message.created on the recipient's socket");
        print(key + ".p99_ms", ms(Deliveries.millis(h, 99)));
        print(key + ".max_ms", ms(h.getMaxValue() / 1000.0));
        checkDeliveries(key, run.deliveries(), run.errors());
    }

    /** Open loop: sends issued on a fixed schedule, whatever the answers do, at most MAX_IN_FLIGHT outstanding. */
    OpenLoop openLoop(int rate, int duration) throws Exception {
        var tally = new Tally();
        current = tally.deliveries;
        var senders = layout.spread();
        var tokenOf = new HashMap<Seed.Sender, String>();
        senders.forEach(s -> tokenOf.put(s, tokens.get(s.username())));
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
            api.send(tokenOf.get(sender), target.conversation(), BODY).thenAccept(sent -> {
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
        current = null;
        return new OpenLoop(rate, issued / (double) duration, skipped, tally.created.sum() / elapsed, tally.deliveries,
                tally.errorCounts());
    }
}
