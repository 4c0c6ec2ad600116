package care.messaging.search.boundary;

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
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Indexes the messages the current index key has not indexed: those stored before search existed (an
 * upgrade), and all of them again after the index key was replaced. Runs shortly after start-up and then
 * on a timer on every node, a batch per transaction with SKIP LOCKED, so nodes share the work and a run
 * cut short simply continues. Until it is done, searches miss the messages it has not reached.
 * <p>
 * The index key itself is checked at start-up by KeyCheck, with the other keys: a keystore without
 * {@code index-mac} stops the start, and the application never writes one into IT's keystore.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "KeyCheck"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchBackfill {

    private static final System.Logger LOGGER = System.getLogger(SearchBackfill.class.getName());

    @EJB
    SearchBackfillBatch batches;
    @Resource
    TimerService timers;
    @Inject
    @ConfigProperty(name = "messaging.search.backfill.batch-size", defaultValue = "500")
    int batchSize;
    @Inject
    @ConfigProperty(name = "messaging.search.backfill.interval-seconds", defaultValue = "300")
    long intervalSeconds;

    /** A failed round is logged and the rounds go on: the next tick continues where it broke off. */
    private final Rounds rounds = new Rounds(() -> {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "Search index backfill broke off; the next run continues", e);
        }
    });

    @PostConstruct
    void start() {
        timers.createIntervalTimer(TimeUnit.SECONDS.toMillis(5), TimeUnit.SECONDS.toMillis(intervalSeconds),
                new TimerConfig("search-backfill", false));
    }

    @Timeout
    void onTimer() {
        rounds.request();
    }

    /** Starts a run in the background (after the index key was replaced). */
    @Asynchronous
    public void runNow() {
        rounds.request();
    }

    private void runOnce() {
        long indexed = 0;
        for (int n; (n = batches.run(batchSize)) > 0; ) {
            indexed += n;
        }
        if (indexed > 0) {
            LOGGER.log(System.Logger.Level.INFO, "Search index: {0} messages indexed under the current key", indexed);
        }
    }
}
