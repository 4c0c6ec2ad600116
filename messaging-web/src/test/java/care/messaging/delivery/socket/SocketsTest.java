package care.messaging.delivery.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sockets' workers hold a bounded backlog: when every thread is busy and the queue is full, more work
 * is refused at once (the socket then closes with 1013 and reconnects with its cursor) instead of piling up
 * until the node runs out of memory; what was queued still runs, in order.
 */
class SocketsTest {

    @Test
    void aFullQueueRefusesMoreWorkAndRunsWhatItHeld() throws InterruptedException {
        var threads = 2;
        var queueLimit = 5;
        var pool = Sockets.pool(threads, queueLimit, Executors.defaultThreadFactory());
        var sockets = new Sockets();
        sockets.workers = pool;
        var release = new CountDownLatch(1);
        var busy = new CountDownLatch(threads);
        var ran = new AtomicInteger();
        try {
            for (int i = 0; i < threads; i++) {
                assertTrue(sockets.offer(() -> {
                    busy.countDown();
                    await(release);
                    ran.incrementAndGet();
                }));
            }
            assertTrue(busy.await(10, TimeUnit.SECONDS), "both workers are busy");
            for (int i = 0; i < queueLimit; i++) {
                assertTrue(sockets.offer(ran::incrementAndGet), "queued task " + i);
            }

            assertFalse(sockets.offer(ran::incrementAndGet), "one more than the queue holds is refused");
            assertEquals(queueLimit, pool.getQueue().size());

            release.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(threads + queueLimit, ran.get(), "everything accepted ran, the refused task did not");
            assertFalse(sockets.offer(ran::incrementAndGet), "a pool shutting down refuses too");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
