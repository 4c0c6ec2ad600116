package care.messaging.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of time, so tests and timers agree on "now". */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
