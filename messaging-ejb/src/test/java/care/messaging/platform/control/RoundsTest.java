package care.messaging.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoundsTest {

    @Test
    void requestsDuringARoundMakeItGoRoundOnceMoreInsteadOfRunningBesideIt() throws Exception {
        var started = new AtomicInteger();
        var inside = new AtomicInteger();
        var overlapped = new AtomicBoolean();
        var firstEntered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var rounds = new Rounds(() -> {
            if (inside.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            try {
                if (started.incrementAndGet() == 1) {
                    firstEntered.countDown();
                    await(release);
                }
            } finally {
                inside.decrementAndGet();
            }
        });
        var runner = new Thread(rounds::request);
        runner.start();
        assertTrue(firstEntered.await(10, TimeUnit.SECONDS));

        var nudges = new Thread(() -> {
            rounds.request();
            rounds.request();
        });
        nudges.start();
        nudges.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(nudges.isAlive(), "a request while a round runs returns at once");
        assertEquals(1, started.get(), "and runs no round of its own");

        release.countDown();
        runner.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(runner.isAlive());
        assertEquals(2, started.get(), "two requests during the round: one more round, not two");
        assertFalse(overlapped.get());
    }

    @Test
    void aRoundThatThrowsEndsTheRequestWithItAndTheNextRequestStartsAfresh() {
        var started = new AtomicInteger();
        var failure = new IllegalStateException("broken batch");
        var rounds = new Rounds(() -> {
            if (started.incrementAndGet() == 1) {
                throw failure;
            }
        });

        assertSame(failure, assertThrows(IllegalStateException.class, rounds::request));
        rounds.request();

        assertEquals(2, started.get());
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
