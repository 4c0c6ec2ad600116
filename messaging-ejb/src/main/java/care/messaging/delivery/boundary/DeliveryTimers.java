package care.messaging.delivery.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivery's housekeeping, on every node, with non-persistent timers: the presence sweep (accounts idle
 * for five minutes are reported offline) and the removal of expired tickets. Both are safe on N nodes at
 * once: the sweep claims its rows with SKIP LOCKED and reports each change once; deleting expired rows is
 * idempotent.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryTimers {

    static final int SWEEP_BATCH = 500;
    private static final System.Logger LOGGER = System.getLogger(DeliveryTimers.class.getName());

    @Resource
    TimerService timers;
    @EJB
    Presence presence;
    @EJB
    Realtime realtime;
    @Inject
    @ConfigProperty(name = "messaging.presence.sweep-seconds", defaultValue = "60")
    long sweepSeconds;

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(Math.max(1, sweepSeconds));
        timers.createIntervalTimer(interval, interval, new TimerConfig("presence-sweep", false));
    }

    @Timeout
    void sweepPresence() {
        try {
            while (presence.sweep(SWEEP_BATCH) == SWEEP_BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Presence sweep failed; the next run tries again", e);
        }
    }

    @Schedule(hour = "*", minute = "*", persistent = false, info = "ticket-purge")
    void purgeTickets() {
        try {
            realtime.purgeExpiredTickets();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Expired tickets were not removed; the next run tries again", e);
        }
    }
}
