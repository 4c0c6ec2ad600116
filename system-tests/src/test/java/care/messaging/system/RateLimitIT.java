package care.messaging.system;

import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * New messages per sender are limited (the domain allows a burst of {@value Deployment#SEND_RATE_CAPACITY},
 * then {@value Deployment#SEND_RATE_PER_MINUTE} a minute): past that a send is 429 rate-limited with a
 * Retry-After in seconds and stores nothing, while a retry of a send already accepted still answers it.
 */
@ExtendWith(PayaraServer.class)
class RateLimitIT {

    final Api api;
    final SeededPeople people;

    RateLimitIT(Api api, SeededPeople people) {
        this.api = api;
        this.people = people;
    }

    @Test
    void sendsPastTheBurstAreRefusedUntilRefilledButRetriesOfAcceptedOnesAreAnswered() {
        var thread = SeededThread.start(api, people, "Dr. Quinn Harlow", "Ellis Park");
        var sender = thread.practitioner();
        var accepted = new ArrayList<Api.Reply>();
        Api.Reply refused = null;
        String refusedId = null;
        // A token may refill while the burst is sent on a slow machine: a few extra attempts are allowed.
        for (int i = 0; i < Deployment.SEND_RATE_CAPACITY + 5 && refused == null; i++) {
            var clientMessageId = UUID.randomUUID().toString();
            var reply = api.send(sender, thread.id(), clientMessageId, "<p>Reminder " + i + "</p>");
            if (reply.status() == 201) {
                accepted.add(reply);
            } else {
                refused = reply;
                refusedId = clientMessageId;
            }
        }

        assertNotNull(refused, "no send was refused");
        assertProblem(429, "rate-limited", refused);
        assertTrue(accepted.size() >= Deployment.SEND_RATE_CAPACITY, accepted::toString);
        var retryAfter = refused.header("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), refused::toString);
        assertTrue(Integer.parseInt(retryAfter) <= 60 / Deployment.SEND_RATE_PER_MINUTE, refused::toString);
        assertTrue(api.messagesWithClientId(sender, thread.id(), refusedId).isEmpty(), "the refused message was not stored");
        assertEquals(accepted.size(), api.messages(sender, thread.id()).size());

        var first = accepted.get(0).json();
        var retry = api.send(sender, thread.id(), first.getString("clientMessageId"), "<p>Reminder 0</p>");

        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.getString("id"), retry.json().getString("id"));
        assertProblem(429, "rate-limited", api.send(sender, thread.id(), UUID.randomUUID().toString(), "<p>Still limited</p>"));
        assertEquals(201, api.send(thread.portal(), thread.id(), UUID.randomUUID().toString(), "<p>Each sender has their own</p>").status());
    }
}
