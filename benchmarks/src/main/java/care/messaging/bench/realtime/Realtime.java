package care.messaging.bench.realtime;

import static care.messaging.bench.Report.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Real-time delivery on a running application, loopback only, every figure printed as key=value
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
        if (seconds < 1 || seconds > 60) {
            // Nine load phases of this length (and their warm-ups) must end well within the dev login's 15-minute tokens.
            System.err.println("seconds per load phase: 1 to 60");
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
                2 * senderCount + 1, 3 * senderCount + 2, layout.socketPortals().size() + 2 + layout.replay().size() * Seed.REPLAY_CONVERSATIONS, seconds(seeded - begin),
                tokens.size(), seconds(System.nanoTime() - seeded));
        probe();
        var catchUp = new CatchUp(this);
        guarded("B8", catchUp::b8);
        guarded("B6", catchUp::b6);
        var throughput = new Throughput(this);
        guarded("B1.ladder", throughput.ladder::measure);
        guarded("B1.no_sockets", throughput::withoutSockets);
        if (socketsMissing == null) {
            guarded("B1+B3", () -> underSockets(throughput));
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
            print(key + ".error", "broke off: " + e + (e.getCause() == null ? "" : " / " + e.getCause()) + "; no figure");
            failed.add(key);
        }
    }

    /** The benchmark's own JDBC connection to the application's database, opened again if it broke. */
    Connection db() throws SQLException {
        if (db == null || !db.isValid(2)) {
            db = connect();
        }
        return db;
    }

    /** A new connection to the application's database, as the application's pool makes them. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432")
                + "/" + System.getProperty("bench.db") + "?reWriteBatchedInserts=true", env("PGUSER", "postgres"), env("PGPASSWORD", ""));
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

    /** B1 and B3 under the crowd of sockets, which must all connect first; then the sockets' own check. */
    void underSockets(Throughput throughput) throws Exception {
        try (var crowd = Crowd.connect(this)) {
            if (crowd == null) {
                return;
            }
            throughput.withSockets(crowd);
            new Latency(this).b3(crowd, throughput.b1Rate);
            crowd.check();
        }
    }

    /** Every 201'd message of a phase on its recipient's socket exactly once, and no send refused. */
    void checkDeliveries(String key, Deliveries d, Map<Integer, Long> errors) {
        print(key + ".check", String.format("sent=%d missing=%d duplicate=%d misrouted=%d unexpected=%d send_errors=%s",
                d.sent.sum(), d.awaiting(), d.duplicates.sum(), d.misrouted.sum(), d.unexpected(), errors),
                "every 201'd message on its recipient's socket exactly once");
        if (d.awaiting() > 0 || d.duplicates.sum() > 0 || d.misrouted.sum() > 0 || !errors.isEmpty()) {
            failed.add(key);
        }
    }
}
