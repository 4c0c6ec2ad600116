package care.messaging.crypto.boundary;

import care.messaging.crypto.control.KeyRing;
import care.messaging.crypto.entity.KeysUnusable;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Refuses to start without usable keys: no PHI may be written unencrypted, and a node that cannot read
 * what others wrote must not serve. IT gets one log line saying what is missing.
 */
@Startup
@Singleton
public class KeyCheck {

    private static final System.Logger LOGGER = System.getLogger(KeyCheck.class.getName());

    @Inject
    KeyRing keyRing;

    @PostConstruct
    void check() {
        try {
            var keys = keyRing.reload();
            LOGGER.log(System.Logger.Level.INFO, "Keys loaded from {0}: data keys {1}, primary {2}",
                    keyRing.file().path(), keys.ids(), keys.primary());
        } catch (KeysUnusable e) {
            var line = "Care Messaging cannot start: " + e.getMessage();
            LOGGER.log(System.Logger.Level.ERROR, line);
            throw new IllegalStateException(line);
        }
    }
}
