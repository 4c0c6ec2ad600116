package care.messaging.absence.boundary;

import care.messaging.absence.entity.AbsencePlanned;
import care.messaging.platform.entity.StoredTime;
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
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns out-of-office periods on and off at their times, on every node, with non-persistent timers (see traps.md:
 * Micro runs without Hazelcast) whose state is in PostgreSQL: each change is claimed there by one node
 * ({@code Turns}), so N nodes announce it once. Three kinds of run, all the same: one right after start-up (the
 * catch-up: whatever started or ended while this node, or every node, was down), a sweep every
 * {@code messaging.out-of-office.sweep-seconds}, and a single-action timer at the next change this node knows of
 * (recomputed by every run, and set when a period is saved here, after its commit), so a change is announced at
 * its time, or at the latest one sweep later when another node saved it. Whether a send gets the reply never
 * waits for these: it goes by the period's times.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AbsenceTimers {

    static final int BATCH = 200;
    static final String SWEEP = "out-of-office-sweep";
    private static final System.Logger LOGGER = System.getLogger(AbsenceTimers.class.getName());

    @Resource
    TimerService timers;
    @EJB
    AbsenceTurns turns;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "messaging.out-of-office.sweep-seconds", defaultValue = "60")
    long sweepSeconds;

    /** The instant of the single-action timer this node has set for the next change, if any. */
    private final AtomicReference<Instant> scheduled = new AtomicReference<>();

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(Math.max(1, sweepSeconds));
        // The catch-up runs right away, but on a timer's thread, so start-up does not wait for it.
        timers.createSingleActionTimer(1, new TimerConfig("out-of-office-catch-up", false));
        timers.createIntervalTimer(interval, interval, new TimerConfig(SWEEP, false));
    }

    /** After a period saved on this node has committed: its start and end get timers of their own. */
    public void planned(@Observes(during = TransactionPhase.AFTER_SUCCESS) AbsencePlanned planned) {
        at(planned.start());
        if (planned.end() != null) {
            at(planned.end());
        }
    }

    @Timeout
    void run(Timer timer) {
        try {
            var now = StoredTime.now(clock);
            int claimed;
            do {
                claimed = turns.turn(now, BATCH);
            } while (claimed == BATCH);
            turns.next().ifPresent(next -> at(next.toInstant()));
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Out-of-office periods were not turned on or off; the next run tries again", e);
        }
    }

    /** A single-action timer at the instant (right away if it has passed), unless one is set for it already. */
    void at(Instant instant) {
        var previous = scheduled.get();
        if (instant.equals(previous)) {
            return;
        }
        scheduled.set(instant);
        var delay = Math.max(1, instant.toEpochMilli() - clock.millis());
        timers.createSingleActionTimer(new Date(clock.millis() + delay), new TimerConfig("out-of-office-change", false));
    }
}
