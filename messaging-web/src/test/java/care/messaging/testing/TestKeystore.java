package care.messaging.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each integration-test run a fresh keystore, made by the same script IT uses
 * (config/keys/create-keystore.sh), before Arquillian starts Payara Micro with it. Acts only where
 * failsafe names the keystore ({@value #KEYSTORE}); its password comes from failsafe's environment.
 */
public class TestKeystore implements LauncherSessionListener {

    static final String KEYSTORE = "messaging.it.keystore";
    static final String SCRIPT = "messaging.it.create-keystore";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        var location = System.getProperty(KEYSTORE);
        if (location == null || location.isEmpty()) {
            return;
        }
        var keystore = Path.of(location);
        try {
            Files.deleteIfExists(keystore);
            var process = new ProcessBuilder("bash", System.getProperty(SCRIPT), keystore.toString())
                    .redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("create-keystore.sh failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the test keystore " + keystore, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
