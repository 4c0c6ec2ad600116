package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * config/payara-server/setup.sh run again on the domain that serves the app, as IT re-runs it on a live
 * one (issue 18): with the same inputs it changes nothing in domain.xml, with a changed pool size it
 * brings the existing pool to it in place, and in both cases the app answers throughout. domain.xml is
 * compared as it is, byte for byte: asadmin rewrites the file on every change it makes and on nothing else.
 */
@ExtendWith(PayaraServer.class)
class SetupRerunIT {

    private static final String MAX_POOL_SIZE = "resources.jdbc-connection-pool.messagingPool.max-pool-size";

    final Api api;
    final Deployment deployment;
    final SeededPeople people;

    SetupRerunIT(Api api, Deployment deployment, SeededPeople people) {
        this.api = api;
        this.deployment = deployment;
        this.people = people;
    }

    @Test
    void aSecondRunWithTheSameInputsChangesNothingWhileTheAppKeepsAnswering() {
        var before = domainXml();
        var traffic = new Traffic(people.practitioner(DemoPeople.RIVERSIDE, "Dr. Rerun Same"));

        traffic.during(() -> deployment.configureAgain(Map.of()));

        traffic.assertEveryAnswer200();
        assertEquals(before, domainXml(), "domain.xml after the second run is the file of before, byte for byte");
    }

    @Test
    void aChangedPoolSizeIsAppliedToTheLivePoolWithoutRestartingTheApp() throws Exception {
        var before = domainXml();
        var size = Integer.parseInt(deployment.domain().get(MAX_POOL_SIZE));
        var smaller = String.valueOf(size - 1);
        var practitioner = people.practitioner(DemoPeople.RIVERSIDE, "Dr. Rerun Pool");
        var traffic = new Traffic(practitioner);
        var bearer = Map.of("Authorization", "Bearer " + api.identityProvider().token(practitioner));
        try (var socket = SocketClient.open(api.socket("after=0"), bearer)) {
            traffic.during(() -> {
                deployment.configureAgain(Map.of("DB_POOL_MAX", smaller));
                assertEquals(smaller, deployment.domain().get(MAX_POOL_SIZE), "the existing pool has the new size");
                assertNotEquals(before, domainXml());
                deployment.configureAgain(Map.of());
            });
            var pingsAfter = socket.pings.get();
            awaitPingAfter(socket, pingsAfter);
            assertFalse(socket.closed.isDone(), "a socket open before the re-runs is still open: the app was not restarted");
        }

        traffic.assertEveryAnswer200();
        assertEquals(String.valueOf(size), deployment.domain().get(MAX_POOL_SIZE));
        assertEquals(before, domainXml(), "a run with the first inputs again restores the file of before");
    }

    private void awaitPingAfter(SocketClient socket, int seen) {
        var deadline = System.nanoTime() + Duration.ofSeconds(Deployment.PING_SECONDS * 4L).toNanos();
        while (socket.pings.get() <= seen && System.nanoTime() < deadline) {
            Deployment.sleep(Duration.ofMillis(100));
        }
        assertTrue(socket.pings.get() > seen, "the app still pings the socket after the re-runs");
    }

    private String domainXml() {
        try {
            return Files.readString(deployment.domain().configFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live GET /api/conversations requests, one after the other, for as long as a step runs. */
    private final class Traffic {

        private final Caller caller;
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();

        Traffic(Caller caller) {
            this.caller = caller;
        }

        void during(Runnable step) {
            var running = new AtomicBoolean(true);
            var thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        statuses.add(api.get(caller, "/conversations").status());
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, "setup-rerun-traffic");
            thread.start();
            try {
                // The first answer before the script starts, so the requests surely span the whole run.
                while (statuses.isEmpty() && failures.isEmpty()) {
                    Deployment.sleep(Duration.ofMillis(20));
                }
                var before = statuses.size();
                step.run();
                assertTrue(statuses.size() > before, "requests were answered while setup.sh ran");
            } finally {
                running.set(false);
                try {
                    thread.join(Duration.ofSeconds(30).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void assertEveryAnswer200() {
            assertEquals(List.of(), failures, "no request failed");
            assertEquals(List.of(200), statuses.stream().distinct().toList(), statuses.size() + " answers");
        }
    }
}
