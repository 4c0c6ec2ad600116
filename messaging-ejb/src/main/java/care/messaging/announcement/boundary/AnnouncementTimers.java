package care.messaging.announcement.boundary;

import care.messaging.announcement.entity.AnnouncementQueued;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers announcements in the background, on every node, with non-persistent timers whose state is in
 * PostgreSQL (see {@code AnnouncementQueue}): right after start-up (whatever was running when a node died, or was
 * due while every node was down), every {@code messaging.announcement.sweep-seconds}, at the next scheduled start
 * this node knows of, and right after an announcement written here commits. A run works through the due
 * announcements batch by batch ({@code messaging.announcement.batch-size} recipients, a commit each) and pauses
 * {@code messaging.announcement.pause-millis} between batches, so interactive sends in the same practice meet the
 * audit chain and the database free between them. One run at a time per node; several nodes share an announcement's
 * batches (claimed with SKIP LOCKED).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AnnouncementTimers {

    static final int DUE = 20;
    private static final System.Logger LOGGER = System.getLogger(AnnouncementTimers.class.getName());

    @Resource
    TimerService timers;
    @EJB
    AnnouncementDelivery delivery;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "messaging.announcement.sweep-seconds", defaultValue = "30")
    long sweepSeconds;
    @Inject
    @ConfigProperty(name = "messaging.announcement.batch-size", defaultValue = "100")
    int batchSize;
    @Inject
    @ConfigProperty(name = "messaging.announcement.pause-millis", defaultValue = "100")
    long pauseMillis;

    private final AtomicBoolean running = new AtomicBoolean();
    /** Set by every run that is asked for; the run in progress goes round again rather than miss what it came for. */
    private final AtomicBoolean wanted = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(Math.max(1, sweepSeconds));
        timers.createSingleActionTimer(1, new TimerConfig("announcements-catch-up", false));
        timers.createIntervalTimer(interval, interval, new TimerConfig("announcements-sweep", false));
    }

    /** After an announcement written on this node has committed: deliver it now, or at its start. */
    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnnouncementQueued queued) {
        at(queued.startsAt().toEpochMilli());
    }

    @Timeout
    void run(Timer timer) {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return; // this node's run in progress goes round again and takes what is due
        }
        try {
            while (wanted.getAndSet(false)) {
                drain();
            }
            delivery.nextStart().ifPresent(next -> at(next.toInstant().toEpochMilli()));
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "An announcement batch failed; the next run tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** Every due announcement, batch by batch, until none is due. */
    void drain() {
        for (var due = delivery.due(DUE); !due.isEmpty(); due = delivery.due(DUE)) {
            for (var id : due) {
                while (delivery.next(id, Math.max(1, batchSize))) {
                    LockSupport.parkNanos(Duration.ofMillis(pauseMillis).toNanos());
                }
            }
        }
    }

    void at(long epochMillis) {
        var delay = Math.max(1, epochMillis - clock.millis());
        timers.createSingleActionTimer(new Date(clock.millis() + delay), new TimerConfig("announcement-start", false));
    }
}
