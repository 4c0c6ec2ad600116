package care.messaging.delivery.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** How many event polls this node holds right now (for its metrics): one more when a poll starts to wait, one fewer when it is answered. */
@ApplicationScoped
public class HeldPolls {

    private final AtomicInteger held = new AtomicInteger();

    void held() {
        held.incrementAndGet();
    }

    void answered() {
        held.decrementAndGet();
    }

    public int waiting() {
        return held.get();
    }
}
