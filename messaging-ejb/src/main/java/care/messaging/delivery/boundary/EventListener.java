package care.messaging.delivery.boundary;

import care.messaging.delivery.control.EventHub;
import care.messaging.delivery.control.EventLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Listens for "new events for these accounts" on PostgreSQL's NOTIFY channel, on a dedicated
 * connection from the non-transactional pool {@code jdbc/messaging-events} (never one from the JTA pool),
 * and hints this node's waiting readers. When the connection breaks (PostgreSQL restarted), it
 * reconnects with back-off and then wakes every waiter, which reads what it missed from the table.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EventListener {

    static final String RESOURCE = "jdbc/messaging-events";
    public static final String KEEPALIVE = "SELECT 1 AS event_listener_keepalive";
    private static final System.Logger LOGGER = System.getLogger(EventListener.class.getName());
    private static final Duration POLL = Duration.ofSeconds(5);

    @Inject
    EventHub hub;
    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running = true;
    private volatile boolean listening;
    private Thread thread;

    @PostConstruct
    void start() {
        var dataSource = lookup();
        if (dataSource == null) {
            LOGGER.log(System.Logger.Level.WARNING, "{0} is not defined: live delivery from other nodes relies on readers "
                    + "looking again every few seconds (config/ creates it)", RESOURCE);
            return;
        }
        thread = threads.newThread(() -> listen(dataSource));
        thread.setName("messaging-event-listener");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** True while the listener holds a connection that LISTENs (health and tests). */
    public boolean isListening() {
        return listening;
    }

    /** Whether the node has the events resource at all (without it, readers look again every few seconds). */
    public boolean isConfigured() {
        return thread != null;
    }

    /** False only when the listener's thread ended while the node still runs: no reconnection can come (liveness). */
    public boolean isAlive() {
        return thread == null || !running || thread.isAlive();
    }

    private void listen(DataSource dataSource) {
        var backoff = Duration.ofMillis(250);
        while (running) {
            try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("LISTEN " + EventLog.CHANNEL);
                var pg = connection.unwrap(PGConnection.class);
                listening = true;
                backoff = Duration.ofMillis(250);
                LOGGER.log(System.Logger.Level.INFO, "Listening for event hints on {0}", EventLog.CHANNEL);
                hub.hintAll();
                while (running) {
                    var notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications == null) {
                        // A timeout; make sure the connection is still there (getNotifications does not always notice).
                        // Named, so that a DBA (and a test) tells it from the pools' own validation queries.
                        statement.execute(KEEPALIVE);
                        continue;
                    }
                    var accounts = new ArrayList<UUID>();
                    for (var notification : notifications) {
                        for (var id : notification.getParameter().split(",")) {
                            if (!id.isEmpty()) {
                                accounts.add(UUID.fromString(id));
                            }
                        }
                    }
                    hub.hint(accounts);
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    LOGGER.log(System.Logger.Level.WARNING, "Event listener lost its connection ({0}); reconnecting", e.getMessage());
                }
                listening = false;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
        listening = false;
    }

    private static DataSource lookup() {
        try {
            return (DataSource) new InitialContext().lookup(RESOURCE);
        } catch (NamingException e) {
            return null;
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
