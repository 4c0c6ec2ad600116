package care.messaging.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The domain's server.log, read as IT would read it. */
record ServerLog(Path file) {

    /** What the event listener logs each time it has (re)connected. */
    static final String LISTENING = "Listening for event hints";

    String read() {
        try {
            // Lossy on purpose: a stray byte in the log must not hide the rest of it from the search.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The log once everything logged before this call has reached it. Payara's handler writes from a
     * queue of its own, in order, so the barrier is a line logged after: the event listener's
     * {@value #LISTENING}, which it logs again when it has reconnected after its connection to the
     * deployment's own database is cut (idle sessions whose last statement is the listener's LISTEN or its named
     * keepalive; a pooled connection whose last statement was the pool's validation {@code SELECT 1} was cut too
     * once, and the request that next borrowed it failed with 503 despite the validation: they are left alone).
     */
    String readAfterALaterLine(Sql sql) {
        var before = count(read());
        sql.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state = 'idle' AND query IN ('LISTEN messaging_events', 'SELECT 1 AS event_listener_keepalive')");
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var text = read();
            if (count(text) > before) {
                return text;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the event listener did not log \"" + LISTENING + "\" again within 90 s: no barrier in " + file);
    }

    private static int count(String text) {
        return text.split(LISTENING, -1).length - 1;
    }
}
