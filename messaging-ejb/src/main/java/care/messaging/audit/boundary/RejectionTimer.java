package care.messaging.audit.boundary;

import care.messaging.platform.control.SecurityLog;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes, on every node, the one row per source, reason and minute that stands for the refusals a flood
 * left without rows of their own (non-persistent timer; each node counts and records its own).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RejectionTimer {

    private static final System.Logger LOGGER = System.getLogger(RejectionTimer.class.getName());

    @Resource
    TimerService timers;
    @EJB
    AuditTrail trail;
    @Inject
    @ConfigProperty(name = "messaging.audit.rejections.flush-seconds", defaultValue = "15")
    long flushSeconds;

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(Math.max(1, flushSeconds));
        timers.createIntervalTimer(interval, interval, new TimerConfig("rejection-repeats", false));
    }

    @Timeout
    void flush() {
        try {
            var rows = trail.recordRepeatedRejections();
            if (rows > 0) {
                SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "Security: {0} source(s) had more refused credentials in a minute than "
                        + "messaging.audit.rejections.per-source-minute; recorded as token.rejected.repeats", rows);
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Recording repeated rejections failed: " + e);
        }
    }
}
