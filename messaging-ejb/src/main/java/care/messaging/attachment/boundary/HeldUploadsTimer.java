package care.messaging.attachment.boundary;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scans again, every {@code messaging.attachments.rescan-seconds} on every node, the files held as scanning while
 * the scanner was out of reach ({@link HeldUploads}); a sweep stops at the first file the scanner still cannot take.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HeldUploadsTimer {

    static final int BATCH = 50;
    private static final System.Logger LOGGER = System.getLogger(HeldUploadsTimer.class.getName());

    @Resource
    TimerService timers;
    @EJB
    HeldUploads held;
    @Inject
    @ConfigProperty(name = "messaging.attachments.rescan-seconds", defaultValue = "60")
    long rescanSeconds;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(Math.max(1, rescanSeconds));
        timers.createIntervalTimer(interval, interval, new TimerConfig("held-uploads", false));
    }

    @Timeout
    void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (var id : held.held(BATCH)) {
                if (!held.rescan(id)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Held attachments were not scanned again; the next run tries again", e);
        } finally {
            running.set(false);
        }
    }
}
