package care.messaging.delivery.socket;

import care.messaging.delivery.boundary.Events;
import care.messaging.delivery.control.EventHub;
import care.messaging.delivery.entity.EventPage;
import care.messaging.platform.entity.DomainException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One open socket's stream: the replay after the client's cursor, then every later event, in order and
 * once each. Whatever wakes it (the socket opening, a hint from {@link EventHub}, the look every five
 * seconds, progress of the {@link Outbox} during a replay) leads to one look at a time, which reads after
 * the last cursor queued; so a lost or repeated hint costs a query, never an event, and two looks never race.
 * <p>
 * A replay reads the next page (500 events) only while less than half the byte cap is unread, so a long
 * backlog never piles up. Once caught up, every look that finds events queues a frame at once; a reader
 * that stops reading reaches the cap and is closed with 4408 (see {@link #tooSlow()}). Also closes at the
 * token's exp (4401), after two heartbeats without a pong (4408), and when the account is switched off
 * (1008). All work runs on the sockets' worker threads; the scheduler's only hand work to them.
 */
final class Feed implements EventHub.Waiter {

    static final int TOKEN_EXPIRED = 4401;
    static final int TOO_SLOW = 4408;
    /** The node's workers refused more work: the client reconnects (here or to another node) with its cursor. */
    static final int TRY_AGAIN_LATER = CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode();
    static final long RECHECK_SECONDS = 5;
    private static final System.Logger LOGGER = System.getLogger(Feed.class.getName());

    private final Session session;
    private final UUID account;
    private final OffsetDateTime closesAt;
    private final Sockets sockets;
    private final Outbox outbox;
    private final AtomicInteger wakes = new AtomicInteger();
    private final AtomicInteger heartbeatsWithoutPong = new AtomicInteger();
    private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Too slow: nothing more is read for it; it closes once it has read what was written (or stops ponging). */
    private volatile boolean closing;
    private volatile boolean behind;
    private EventHub.Subscription subscription;
    /** The cursor of the last frame queued; only the one running look reads or moves it. */
    private long cursor;

    Feed(Session session, SocketPrincipal principal, Sockets sockets) {
        this.session = session;
        this.account = principal.admission().account();
        this.closesAt = principal.admission().closesAt();
        this.cursor = principal.after();
        this.sockets = sockets;
        this.outbox = new Outbox(new Outbox.Wire() {
            @Override
            public void write(String frame, Consumer<Throwable> done) {
                Feed.this.write(frame, done);
            }

            @Override
            public void ping(ByteBuffer payload) {
                Feed.this.ping(payload);
            }
        }, sockets.maxPendingFrames, sockets.maxPendingBytes, this::progressed);
    }

    void start(Clock clock) {
        var scheduler = sockets.scheduler;
        synchronized (this) {
            if (closed) {
                return;
            }
            subscription = sockets.hub.subscribe(account, this);
            timers.add(scheduler.scheduleWithFixedDelay(this::wake, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS));
            timers.add(scheduler.scheduleAtFixedRate(() -> run(this::heartbeat), sockets.pingSeconds, sockets.pingSeconds,
                    TimeUnit.SECONDS));
            var untilExpiry = Math.max(0, Duration.between(clock.instant(), closesAt.toInstant()).toMillis());
            timers.add(scheduler.schedule(() -> run(() -> close(TOKEN_EXPIRED, "token expired")), untilExpiry,
                    TimeUnit.MILLISECONDS));
        }
        sockets.active(account);
        wake();
    }

    @Override
    public void wake() {
        if (!closed && wakes.getAndIncrement() == 0) {
            run(this::drain);
        }
    }

    void ponged(ByteBuffer payload) {
        heartbeatsWithoutPong.set(0);
        outbox.pong(payload);
    }

    private void drain() {
        int seen;
        do {
            seen = wakes.get();
            try {
                look();
            } catch (DomainException refused) {
                close(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), "not allowed");
            } catch (RuntimeException e) {
                // The database may be away for a moment: the look every five seconds tries again.
                LOGGER.log(System.Logger.Level.WARNING, "WebSocket {0}: reading events failed ({1}); trying again",
                        session.getId(), e.getClass().getName());
            }
        } while (wakes.addAndGet(-seen) > 0);
    }

    private void look() {
        if (closed || closing || behind && (outbox.isWaiting() || outbox.backlog().bytes() >= sockets.maxPendingBytes / 2)) {
            return; // a replay goes on when the outbox progresses, which wakes this again
        }
        var page = sockets.events.after(account, cursor);
        if (!page.resync() && page.events().isEmpty()) {
            behind = false;
            return;
        }
        cursor = page.cursor();
        behind = !page.resync() && page.events().size() >= Events.PAGE;
        send(page);
    }

    private void send(EventPage page) {
        var frame = Frames.of(page);
        var backlog = outbox.backlog();
        if (!outbox.offer(frame)) {
            LOGGER.log(System.Logger.Level.INFO, "WebSocket {0} closed 4408 too slow: {1} frames, {2} bytes were not read yet "
                    + "and a frame of {3} bytes did not fit (limits {4} frames, {5} bytes)", session.getId(),
                    String.valueOf(backlog.frames()), String.valueOf(backlog.bytes()), String.valueOf(Outbox.utf8Length(frame)),
                    String.valueOf(sockets.maxPendingFrames), String.valueOf(sockets.maxPendingBytes));
            tooSlow();
        }
    }

    /**
     * Stops reading for the socket and drops the frames not written yet (the client gets them again when it
     * reconnects with its cursor). The close frame waits until the client has read what was written: sent
     * now, it would sit behind those bytes, and the container resets a connection it closes with unread
     * data, so the client would never see 4408.
     */
    private void tooSlow() {
        closing = true;
        outbox.dropWaiting();
        progressed();
    }

    private void write(String frame, Consumer<Throwable> done) {
        try {
            session.getAsyncRemote().sendText(frame, result -> run(() -> done.accept(result.isOK() ? null : result.getException())));
        } catch (RuntimeException e) {
            run(() -> done.accept(e));
        }
    }

    private void ping(ByteBuffer payload) {
        try {
            session.getAsyncRemote().sendPing(payload);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "WebSocket {0}: ping failed", session.getId());
        }
    }

    private void progressed() {
        if (closing) {
            if (outbox.backlog().frames() == 0) {
                close(TOO_SLOW, "too slow");
            }
        } else if (behind) {
            wake();
        }
    }

    private void heartbeat() {
        if (closed) {
            return;
        }
        if (heartbeatsWithoutPong.getAndIncrement() >= 2) {
            close(TOO_SLOW, closing ? "too slow" : "no pong");
            return;
        }
        outbox.ping();
        sockets.active(account);
    }

    /** Runs the task on the sockets' workers (completions arrive on the container's I/O threads). */
    private void run(Runnable task) {
        if (!sockets.offer(task)) {
            wakes.set(0);
            if (!sockets.workers.isShutdown()) {
                close(TRY_AGAIN_LATER, "server busy");
            }
        }
    }

    /** Closes the socket with the code; later calls do nothing. */
    void close(int code, String reason) {
        if (!release()) {
            return;
        }
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "WebSocket {0}: close failed", session.getId());
        }
    }

    /** The socket closed (either side): stop everything; true for the first call. */
    boolean release() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            if (subscription != null) {
                subscription.close();
            }
            timers.forEach(timer -> timer.cancel(false));
        }
        outbox.close();
        sockets.released(this);
        return true;
    }
}
