package care.messaging.delivery.socket;

import care.messaging.delivery.boundary.Events;
import care.messaging.delivery.boundary.Presence;
import care.messaging.delivery.control.EventHub;
import care.messaging.delivery.control.RecentActivity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's open sockets and what they share: the boundary they read through, the hints that wake them,
 * the threads they run on and their limits. On shutdown every socket is closed with 1001 (going away), and
 * clients reconnect with their cursor, to this node or another.
 */
@ApplicationScoped
public class Sockets {

    private static final System.Logger LOGGER = System.getLogger(Sockets.class.getName());

    @Inject
    Events events;
    @Inject
    EventHub hub;
    @Inject
    Presence presence;
    @Inject
    RecentActivity recent;
    @Inject
    Clock clock;
    /** Only starts timers, whose tasks hand their work to {@link #workers} (Payara's default runs them on one thread). */
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    @ConfigProperty(name = "messaging.ws.ping-seconds", defaultValue = "25")
    long pingSeconds;
    @Inject
    @ConfigProperty(name = "messaging.ws.max-pending-frames", defaultValue = "256")
    int maxPendingFrames;
    @Inject
    @ConfigProperty(name = "messaging.ws.max-pending-bytes", defaultValue = "1048576")
    long maxPendingBytes;
    @Inject
    @ConfigProperty(name = "messaging.ws.threads", defaultValue = "8")
    int workerThreads;
    @Inject
    @ConfigProperty(name = "messaging.ws.queue-limit", defaultValue = "10000")
    int queueLimit;

    /** Where sockets read and send: a pool of the container's managed threads, so the boundary can be called. */
    ExecutorService workers;
    private final Set<Feed> open = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        workers = pool(workerThreads, queueLimit, threads);
    }

    /**
     * The workers: a fixed number of threads and a queue of at most {@code queueLimit} tasks. A node that
     * falls so far behind refuses more work ({@link RejectedExecutionException}) instead of holding it
     * until memory runs out; a socket refused so closes with 1013 and its client reconnects with its
     * cursor, a held poll's hint is dropped (its recheck or timeout answers), presence waits a minute.
     */
    static ThreadPoolExecutor pool(int threads, int queueLimit, ThreadFactory factory) {
        var pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queueLimit), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Runs the task on the node's delivery threads (shared with the long polls, which may call the boundary
     * from them); false when they refuse it (shutting down, or the queue is full).
     */
    public boolean offer(Runnable task) {
        try {
            workers.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    Feed open(Session session, SocketPrincipal principal) {
        // Client messages are never needed (an ack is ignored): keep what one may make the server buffer small.
        session.setMaxTextMessageBufferSize(4096);
        session.setMaxBinaryMessageBufferSize(1024);
        var feed = new Feed(session, principal, this);
        open.add(feed);
        feed.start(clock);
        return feed;
    }

    void released(Feed feed) {
        open.remove(feed);
    }

    /** An open socket is activity for presence; passed on at most once a minute, off the I/O threads. */
    void active(UUID account) {
        if (recent.due(account)) {
            offer(() -> {
                try {
                    presence.seen(account);
                } catch (RuntimeException e) {
                    LOGGER.log(System.Logger.Level.WARNING, "Socket activity was not recorded ({0})", e.getClass().getName());
                }
            });
        }
    }

    /** The sockets open on this node now (its metrics). */
    public int openSockets() {
        return open.size();
    }

    @PreDestroy
    void shutdown() {
        open.forEach(feed -> feed.close(CloseReason.CloseCodes.GOING_AWAY.getCode(), "server shutting down"));
        workers.shutdown();
    }
}
