package care.messaging.bench.realtime;

import static care.messaging.bench.Report.*;

import java.net.http.HttpClient;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * B8 and B6: how fast a reader that holds no live socket gets its events: a long poll waiting for the next
 * one (B8), and a client coming back after missing 500, over polling and over a new socket (B6).
 */
final class CatchUp {

    private final Realtime bench;
    /** The events B6's client actually missed: the messages' events, and possibly a presence event. */
    volatile long missed;

    CatchUp(Realtime bench) {
        this.bench = bench;
    }

    // ------------------------------------------------------------------------------------------------ B8

    /** Long-poll latency: one client waits in GET /events?wait=25; its practitioner sends; send start to poll answer. */
    void b8() throws Exception {
        var target = bench.layout.poll();
        var recipient = target.recipient();
        var clientToken = bench.tokens.get(recipient.username());
        var senderToken = bench.tokens.get(bench.layout.pollSender().username());
        var deliveries = new Deliveries();
        var sendTimes = histogram();
        var cursor = new AtomicLong(drain(clientToken, 0));
        // Polls are numbered; the sender waits for the poll after the one that delivered its last message.
        var polls = new AtomicLong();
        var pollStarted = new AtomicLong();
        var deliveredBy = new AtomicLong();
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        var pollFailure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        var resyncs = new LongAdder();
        var poller = new Thread(() -> {
            try {
                while (running.get()) {
                    pollStarted.set(System.nanoTime());
                    var number = polls.incrementAndGet();
                    var page = bench.api.events(clientToken, cursor.get(), 25);
                    var received = System.nanoTime();
                    if (page.resync()) {
                        resyncs.increment();
                    }
                    for (var event : page.events()) {
                        if ("message.created".equals(event.getString("type", ""))) {
                            deliveredBy.set(number);
                            deliveries.arrived(UUID.fromString(event.getString("messageId")), recipient.account(), received);
                        }
                    }
                    cursor.set(page.cursor());
                }
            } catch (Exception e) {
                pollFailure.set(e);
            }
        }, "b8-poller");
        poller.setDaemon(true);
        poller.start();
        var errors = new TreeMap<Integer, Integer>();
        var lost = 0;
        var begin = System.nanoTime();
        for (int i = 0; i < bench.b8Sends && pollFailure.get() == null; i++) {
            // Send only once the next poll has been issued and had 20-60 ms to be parked on the server.
            var settle = TimeUnit.MILLISECONDS.toNanos(20 + ThreadLocalRandom.current().nextInt(40));
            while ((polls.get() <= deliveredBy.get() || System.nanoTime() - pollStarted.get() < settle) && pollFailure.get() == null) {
                Thread.sleep(1);
            }
            var sent = bench.api.sendNow(senderToken, target.conversation(), Realtime.BODY);
            if (!sent.created()) {
                errors.merge(sent.status(), 1, Integer::sum);
                continue;
            }
            sendTimes.recordValue(Deliveries.micros(sent.endNanos() - sent.startNanos()));
            deliveries.sent(sent.messageId(), recipient.account(), sent.startNanos());
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!deliveries.isArrived(sent.messageId()) && System.nanoTime() < deadline && pollFailure.get() == null) {
                Thread.sleep(0, 200_000);
            }
            if (!deliveries.isArrived(sent.messageId())) {
                lost++;
            }
        }
        running.set(false);
        var elapsed = seconds(System.nanoTime() - begin);
        if (pollFailure.get() != null) {
            print("B8.error", "the long poll failed: " + pollFailure.get());
            bench.failed.add("B8");
            return;
        }
        var h = deliveries.latency;
        print("B8.samples", h.getTotalCount(), "sends, one at a time, each while a GET /api/events?after=&wait=25 was waiting; " + String.format("%.0f s", elapsed));
        print("B8.p50_ms", ms(Deliveries.millis(h, 50)), "send request start to the long poll's answer carrying message.created");
        print("B8.p99_ms", ms(Deliveries.millis(h, 99)));
        print("B8.max_ms", ms(h.getMaxValue() / 1000.0));
        print("B8.limit.send_p50_ms", ms(Deliveries.millis(sendTimes, 50)),
                "the send's own round trip (201), inside the figure above: B8.p50_ms minus this is the notify-and-answer path");
        print("B8.ratio_p50_to_send_p50", ratio(Deliveries.millis(h, 50), Deliveries.millis(sendTimes, 50)));
        print("B8.check", "lost=" + lost + " duplicate=" + deliveries.duplicates.sum() + " misrouted=" + deliveries.misrouted.sum()
                + " resync=" + resyncs.sum() + " send_errors=" + errors);
        if (lost > 0 || deliveries.duplicates.sum() > 0 || deliveries.misrouted.sum() > 0 || !errors.isEmpty()) {
            bench.failed.add("B8");
        }
    }

    // ------------------------------------------------------------------------------------------------ B6

    /**
     * A client that was away while {@code bench.b6Events} events were written for it (half as many messages from its
     * practitioner: each gives message.created and conversation.changed) comes back with its last cursor.
     */
    void b6() throws Exception {
        var target = bench.layout.reconnect();
        var recipient = target.recipient();
        var clientToken = bench.tokens.get(recipient.username());
        var senderToken = bench.tokens.get(bench.layout.reconnectSender().username());
        var after = drain(clientToken, 0);
        if (bench.socketsMissing == null) {
            // Connected, then gone: the socket's last cursor is where it comes back from.
            var socket = EventSocket.openNow(HttpClient.newHttpClient(), bench.application, clientToken, recipient.account(), after, null);
            Thread.sleep(300);
            after = socket.cursor();
            socket.abort();
        }
        var sends = new ArrayList<CompletableFuture<Api.Sent>>();
        var window = new Semaphore(8);
        for (int i = 0; i < bench.b6Events / 2; i++) {
            window.acquire();
            sends.add(bench.api.send(senderToken, target.conversation(), Realtime.BODY).whenComplete((s, e) -> window.release()));
        }
        var refused = sends.stream().map(CompletableFuture::join).filter(s -> !s.created()).count();
        var produced = countEvents(recipient.account(), after);
        // A presence event (the practitioner came online for this client) may join the messages' events.
        if (refused > 0 || produced < bench.b6Events) {
            print("B6.error", refused + " of " + bench.b6Events / 2 + " sends were refused; " + produced + " events written, expected at least " + bench.b6Events);
            bench.failed.add("B6");
            return;
        }
        final var from = after;
        missed = produced;
        var sql = repeat(5, () -> sqlCatchUp(recipient.account(), from));
        var poll = repeat(5, () -> pollCatchUp(clientToken, from));
        var sqlMs = median(sql);
        var pollMs = median(poll);
        print("B6.events", produced, "written for the client while it was away (" + bench.b6Events / 2 + " messages)");
        print("B6.limit.sql_ms", ms(sqlMs), "the application's two queries (stream row, then events after the cursor, LIMIT 500) over JDBC on a warm connection; median of 5, runs " + fmt(sql));
        print("B6.poll.catchup_ms", ms(pollMs), "GET /api/events?after=<last cursor> pages until all arrived; median of 5, runs " + fmt(poll));
        print("B6.poll.ratio_to_sql", ratio(pollMs, sqlMs), "times the bare SQL");
        if (bench.socketsMissing != null) {
            print("B6.ws.error", "the WebSocket endpoint is not there (" + bench.socketsMissing + "); no figure");
            bench.failed.add("B6.ws");
            return;
        }
        var ws = repeat(5, () -> socketCatchUp(clientToken, recipient.account(), from));
        var wsMs = median(ws);
        print("B6.ws.catchup_ms", ms(wsMs), "new socket with ?after=<last cursor>, from connect start to all " + bench.b6Events
                + " events received (handshake included); median of 5, runs " + fmt(ws));
        print("B6.ws.ratio_to_sql", ratio(wsMs, sqlMs), "times the bare SQL");
    }

    double pollCatchUp(String token, long after) throws Exception {
        var begin = System.nanoTime();
        var got = 0;
        var cursor = after;
        while (got < missed) {
            var page = bench.api.events(token, cursor, 0);
            if (page.events().isEmpty() || page.resync()) {
                throw new IllegalStateException("catch-up stopped at " + got + " events (resync " + page.resync() + ")");
            }
            got += page.events().size();
            cursor = page.cursor();
        }
        return millis(System.nanoTime() - begin);
    }

    double socketCatchUp(String token, UUID account, long after) throws Exception {
        var all = new CompletableFuture<Long>();
        var got = new AtomicInteger();
        var begin = System.nanoTime();
        var socket = EventSocket.openNow(HttpClient.newHttpClient(), bench.application, token, account, after, (s, page, received) -> {
            if (got.addAndGet(page.events().size()) >= missed) {
                all.complete(received);
            }
        });
        try {
            return millis(all.get(30, TimeUnit.SECONDS) - begin);
        } finally {
            socket.close();
        }
    }

    double sqlCatchUp(UUID account, long after) throws SQLException {
        var c = bench.db();
        var begin = System.nanoTime();
        try (var stream = c.prepareStatement("SELECT last_cursor, trimmed_through FROM event_stream WHERE account_id = ?")) {
            stream.setObject(1, account);
            try (var rows = stream.executeQuery()) {
                rows.next();
            }
        }
        var n = 0;
        try (var events = c.prepareStatement("SELECT cursor, type, conversation_id, message_id, seq, CAST(facts AS text), created_at"
                + " FROM event WHERE account_id = ? AND cursor > ? ORDER BY cursor LIMIT 500")) {
            var cursor = after;
            while (n < missed) {
                events.setObject(1, account);
                events.setLong(2, cursor);
                var page = 0;
                try (var rows = events.executeQuery()) {
                    while (rows.next()) {
                        cursor = rows.getLong(1);
                        rows.getString(2);
                        rows.getObject(3);
                        rows.getObject(4);
                        rows.getLong(5);
                        rows.getString(6);
                        rows.getObject(7, java.time.OffsetDateTime.class);
                        page++;
                    }
                }
                if (page == 0) {
                    break;
                }
                n += page;
            }
        }
        return millis(System.nanoTime() - begin);
    }

    long countEvents(UUID account, long after) throws SQLException {
        try (var count = bench.db().prepareStatement("SELECT count(*) FROM event WHERE account_id = ? AND cursor > ?")) {
            count.setObject(1, account);
            count.setLong(2, after);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Reads an account's stream to its end; returns the cursor. */
    long drain(String token, long after) throws Exception {
        var cursor = after;
        while (true) {
            var page = bench.api.events(token, cursor, 0);
            cursor = page.cursor();
            if (page.events().isEmpty()) {
                return cursor;
            }
        }
    }
}
