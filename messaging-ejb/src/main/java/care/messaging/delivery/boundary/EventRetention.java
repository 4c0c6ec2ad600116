package care.messaging.delivery.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps event streams short: events older than the retention are deleted in small batches on every node
 * (idempotent, so nodes may overlap), and each stream records how far it was trimmed, so a reader whose
 * cursor is older is told to resync instead of silently missing events.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventRetention {

    private static final System.Logger LOGGER = System.getLogger(EventRetention.class.getName());

    @Resource
    TimerService timers;
    @EJB
    EventTrim trim;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "messaging.events.retention-hours", defaultValue = "72")
    long retentionHours;
    @Inject
    @ConfigProperty(name = "messaging.events.trim-interval-seconds", defaultValue = "600")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(intervalSeconds);
        timers.createIntervalTimer(interval, interval, new TimerConfig("event-retention", false));
    }

    @Timeout
    void onTimer() {
        var before = OffsetDateTime.now(clock).minus(Duration.ofHours(retentionHours));
        long removed = 0;
        int batch;
        do {
            batch = trim.batch(before);
            removed += batch;
        } while (batch > 0);
        if (removed > 0) {
            LOGGER.log(System.Logger.Level.INFO, "Event retention: {0} events older than {1} h removed", removed, retentionHours);
        }
    }
}
