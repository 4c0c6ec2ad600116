package care.messaging.testing;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the integration-test run's own ClamAV daemon ({@link Clamd}: Debian's clamd with a database holding
 * only the EICAR test signature, on a free port) when the JUnit Platform session opens, and stops it by its
 * PID when the session closes. Its port is handed on as the system property {@value #PORT}. Acts only where
 * failsafe names its directory ({@value #HOME}), so a unit test in this module starts nothing.
 */
public class TestClamd implements LauncherSessionListener {

    static final String HOME = "messaging.it.clamd-home";
    public static final String PORT = "messaging.it.clamd-port";
    private static final System.Logger LOGGER = System.getLogger(TestClamd.class.getName());

    private static Clamd clamd;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        var home = System.getProperty(HOME);
        if (home == null || home.isEmpty()) {
            return;
        }
        var started = System.nanoTime();
        clamd = Clamd.start(Path.of(home), Duration.ofMinutes(2));
        System.setProperty(PORT, Integer.toString(clamd.port()));
        LOGGER.log(System.Logger.Level.INFO, "clamd (PID {0}) answers on port {1} after {2} ms", String.valueOf(clamd.pid()), String.valueOf(clamd.port()),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (clamd != null) {
            clamd.close();
            clamd = null;
        }
    }

    /** The suite's clamd; fails if this run has none. */
    public static Clamd clamd() {
        if (clamd == null) {
            throw new IllegalStateException("no clamd in this run: failsafe sets " + HOME);
        }
        return clamd;
    }
}
