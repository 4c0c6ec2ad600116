package care.messaging.crypto.boundary;

import care.messaging.crypto.control.KeyRing;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.platform.control.Rounds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves every ciphertext to the primary key after a rotation: at once when the rotation is made here,
 * and on a timer on every node, so a run cut short by a restart simply continues. The rows are the only
 * state (their key ids), and each batch claims its rows with SKIP LOCKED, so nodes share the work.
 */
@Singleton
@Startup
@DependsOn("KeyCheck")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reencryption {

    private static final System.Logger LOGGER = System.getLogger(Reencryption.class.getName());

    @Inject
    KeyRing keyRing;
    @EJB
    ReencryptionBatch batches;
    @Resource
    TimerService timers;

    /** A failed round is not caught: it reaches the timer (or the asynchronous call) that asked for it. */
    private final Rounds rounds = new Rounds(this::runOnce);

    @Inject
    @ConfigProperty(name = "messaging.keys.reencrypt.batch-size", defaultValue = "500")
    int batchSize;
    @Inject
    @ConfigProperty(name = "messaging.keys.reencrypt.interval-seconds", defaultValue = "300")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        var interval = TimeUnit.SECONDS.toMillis(intervalSeconds);
        timers.createIntervalTimer(interval, interval, new TimerConfig("re-encryption", false));
    }

    @Timeout
    void onTimer() {
        rounds.request();
    }

    /** Starts a run in the background (after a rotation); one run at a time on this node (Rounds). */
    @Asynchronous
    public void runNow() {
        rounds.request();
    }

    private void runOnce() {
        var primary = keyRing.keys().primary();
        long moved = 0;
        long unreadable = 0;
        for (var column : EncryptedColumn.values()) {
            UUID after = null;
            while (true) {
                var batch = batches.run(column, primary, after, batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                moved += batch.reencrypted();
                unreadable += batch.unreadable();
                after = batch.last();
            }
        }
        if (moved > 0 || unreadable > 0) {
            LOGGER.log(System.Logger.Level.INFO, "Re-encryption to key {0}: {1} values moved, {2} unreadable left on their old key",
                    primary, moved, unreadable);
        }
    }
}
