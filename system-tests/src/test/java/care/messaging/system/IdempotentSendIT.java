package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.RIVERA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A send retried with the same clientMessageId answers the original message and never adds a second one. */
@ExtendWith(PayaraServer.class)
class IdempotentSendIT {

    static final int RETRIES = 8;

    final Api api;

    IdempotentSendIT(Api api) {
        this.api = api;
    }

    @Test
    void retryWithSameClientMessageIdReturnsOriginal() {
        var id = api.conversationWith(ALEX, RIVERA.displayName).getString("id");
        var clientMessageId = UUID.randomUUID().toString();

        var first = api.send(ALEX, id, clientMessageId, "<p>Running late, about 10 minutes.</p>");
        var retry = api.send(ALEX, id, clientMessageId, "<p>Running late, about 10 minutes.</p>");

        assertEquals(201, first.status(), first::toString);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.json().getString("id"), retry.json().getString("id"));
        assertEquals(first.json().getJsonNumber("seq"), retry.json().getJsonNumber("seq"));
        assertEquals(first.json().getString("sentAt"), retry.json().getString("sentAt"), "as stored, to the microsecond");
        assertEquals(1, api.messagesWithClientId(ALEX, id, clientMessageId).size());
    }

    @Test
    void concurrentRetriesCreateExactlyOneMessage() throws InterruptedException, ExecutionException, TimeoutException {
        var id = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var clientMessageId = UUID.randomUUID().toString();
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(RETRIES);
        try {
            var calls = new ArrayList<Future<Api.Reply>>();
            for (var i = 0; i < RETRIES; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return api.send(RIVERA, id, clientMessageId, "<p>See you Thursday at 4.</p>");
                }));
            }
            go.countDown();
            var replies = new ArrayList<Api.Reply>();
            for (var call : calls) {
                replies.add(call.get(2, TimeUnit.MINUTES));
            }

            var statuses = replies.stream().collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
            assertEquals(1, statuses.getOrDefault(201, 0L), replies::toString);
            assertEquals(RETRIES - 1, statuses.getOrDefault(200, 0L), replies::toString);
            assertEquals(1, replies.stream().map(r -> r.json().getString("id")).distinct().count(), replies::toString);
            assertEquals(1, replies.stream().map(r -> r.json().getJsonNumber("seq")).distinct().count(), replies::toString);
            assertEquals(1, api.messagesWithClientId(RIVERA, id, clientMessageId).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
