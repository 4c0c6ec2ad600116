package care.messaging.bench.realtime;

import static care.messaging.bench.Report.*;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The portal accounts' sockets (1,000 by default) that B1 and B3 run under: each one keeps reading, and the
 * message.created events they receive are matched with the sends of the phase being watched.
 */
final class Crowd implements AutoCloseable {

    private final Realtime bench;
    final List<EventSocket> sockets = new ArrayList<>();
    /** The phase whose sends the sockets' message.created events are matched with; null between phases. */
    private volatile Deliveries watched;
    private final LongAdder outsidePhase = new LongAdder();

    private Crowd(Realtime bench) {
        this.bench = bench;
    }

    /** Opens every portal's socket, 64 handshakes at a time; answers null (and says why) unless all of them opened. */
    static Crowd connect(Realtime bench) throws Exception {
        var crowd = new Crowd(bench);
        var http = new HttpClient[4];
        for (int i = 0; i < http.length; i++) {
            http[i] = HttpClient.newBuilder().build();
        }
        EventSocket.Sink sink = (socket, page, received) -> {
            var phase = crowd.watched;
            for (var event : page.events()) {
                if ("message.created".equals(event.getString("type", ""))) {
                    if (phase == null) {
                        crowd.outsidePhase.increment();
                    } else {
                        phase.arrived(UUID.fromString(event.getString("messageId")), socket.account, received);
                    }
                }
            }
        };
        var refusals = new TreeMap<String, Integer>();
        var begin = System.nanoTime();
        var permits = new Semaphore(64);
        var opening = new ArrayList<CompletableFuture<EventSocket>>();
        var portals = bench.layout.socketPortals();
        for (int i = 0; i < portals.size(); i++) {
            var portal = portals.get(i);
            permits.acquire();
            opening.add(EventSocket.open(http[i % http.length], bench.application, bench.tokens.get(portal.username()),
                    portal.account(), 0, sink).whenComplete((s, e) -> permits.release()));
        }
        for (var future : opening) {
            try {
                crowd.sockets.add(future.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                refusals.merge(String.valueOf(EventSocket.refused(e).getMessage()), 1, Integer::sum);
            }
        }
        print("sockets.connected", crowd.sockets.size(), String.format("of %d, in %.1f s; refused: %s", portals.size(),
                seconds(System.nanoTime() - begin), refusals));
        if (!refusals.isEmpty()) {
            for (var key : List.of("B1", "B3")) {
                print(key + ".error", "only " + crowd.sockets.size() + " of " + portals.size() + " sockets connected; no figure");
                bench.failed.add(key);
            }
            crowd.sockets.forEach(EventSocket::abort);
            return null;
        }
        return crowd;
    }

    /** From now on the sockets' message.created events belong to this phase (null: to none). */
    void watch(Deliveries phase) {
        watched = phase;
    }

    int size() {
        return sockets.size();
    }

    /** No socket closed by the server, every account's cursors gap-free and in order. */
    void check() {
        print("sockets.check", String.format("lost=%d cursor_breaks=%d resync=%d bad_frames=%d outside_phase=%d closes=%s",
                sockets.stream().filter(EventSocket::lost).count(),
                sockets.stream().mapToLong(s -> s.cursorBreaks.sum()).sum(),
                sockets.stream().mapToLong(s -> s.resyncs.sum()).sum(),
                sockets.stream().mapToLong(s -> s.badFrames.sum()).sum(),
                outsidePhase.sum(), closes()));
        if (sockets.stream().anyMatch(EventSocket::lost) || sockets.stream().anyMatch(s -> s.cursorBreaks.sum() > 0)) {
            bench.failed.add("sockets");
        }
    }

    Map<Integer, Long> closes() {
        var closes = new TreeMap<Integer, Long>();
        sockets.stream().filter(EventSocket::lost).forEach(s -> closes.merge(s.closeCode(), 1L, Long::sum));
        return closes;
    }

    @Override
    public void close() throws Exception {
        var closing = sockets.stream().map(s -> CompletableFuture.runAsync(s::close)).toList();
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
}
