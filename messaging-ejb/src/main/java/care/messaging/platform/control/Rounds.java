package care.messaging.platform.control;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rounds of a catch-up job on this node (drain everything left in batches), one at a time: a timer tick
 * or a nudge that arrives while a round runs does not start a second one beside it, it makes the running
 * one go round once more when it ends, however many arrived, so work that came in meanwhile is not left
 * for the next tick. The caller's thread runs the rounds; {@link #request} returns at once when another
 * thread already does.
 * <p>
 * A round that throws ends the requests' loop with that exception, and a later request starts afresh:
 * what a failure means (log it and go on, or let the container see it) is the round's to decide.
 */
public final class Rounds {

    private final Runnable round;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    public Rounds(Runnable round) {
        this.round = round;
    }

    public void request() {
        wanted.set(true);
        while (wanted.get() && running.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                round.run();
            } finally {
                running.set(false);
            }
        }
    }
}
