package care.messaging.attachment.boundary;

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
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes uploads never sent with a message after {@code messaging.attachments.unsent-hours}, every
 * {@code messaging.attachments.unsent-sweep-seconds} on every node, with a non-persistent timer (see traps.md:
 * Micro runs without Hazelcast); the work is claimed by the conditional DELETE ({@link UnsentUploads}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnsentUploadsTimer {

    static final int BATCH = 100;
    private static final System.Logger LOGGER = System.getLogger(UnsentUploadsTimer.class.getName());

    @Resource
    TimerService timers;
    @EJB
    UnsentUploads unsent;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "messaging.attachments.unsent-hours", defaultValue = "24")
    long unsentHours;
    @Inject
    @ConfigProperty(name = "messaging.attachments.unsent-sweep-seconds", defaultValue = "600")
    long sweepSeconds;

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(Math.max(1, sweepSeconds));
        timers.createIntervalTimer(interval, interval, new TimerConfig("unsent-uploads", false));
    }

    @Timeout
    void run() {
        try {
            var before = StoredTime.now(clock).minus(Duration.ofHours(unsentHours));
            long removed = 0;
            int batch;
            do {
                batch = unsent.remove(before, BATCH);
                removed += batch;
            } while (batch == BATCH);
            if (removed > 0) {
                LOGGER.log(System.Logger.Level.INFO, "Unsent uploads: {0} files older than {1} h removed", removed, unsentHours);
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Unsent uploads were not removed; the next run tries again", e);
        }
    }
}
