package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where WebSockets cannot get through (a proxy that refuses them), the app falls back to long polling,
 * says so quietly, and still delivers live, in both directions.
 */
@ExtendWith(WebApp.class)
class PollingFallbackIT {

    @Test
    void withWebSocketsBlockedTheAppPollsAndStillDelivers(WebApp app) {
        try (var browser = app.context()) {
            var page = browser.newPage();
            var refused = new AtomicInteger();
            // Every socket is answered by this stand-in, which closes it at once: none reaches the server.
            page.routeWebSocket("**/messaging/ws**", socket -> {
                refused.incrementAndGet();
                socket.close();
            });
            var alex = app.signIn(page, "alex.morgan");
            assertThat(alex.connection()).hasAttribute("data-status", "polling");
            assertThat(alex.connection()).hasText("Live (polling)");
            assertTrue(refused.get() >= 1, "the app tried the WebSocket first");
            WebApp.screenshot(page, "portal-polling");

            var token = app.token("dr.rivera");
            var conversation = app.conversationWith(token, "Alex Morgan");
            var text = "Through the fallback " + UUID.randomUUID();
            app.send(token, conversation, "<p>" + text + "</p>");
            assertThat(alex.message(text)).hasCount(1);

            var reply = "Got it by polling " + UUID.randomUUID();
            alex.send(reply);
            assertThat(alex.message(reply).locator(".status")).hasText("Sent");
            assertEquals(1, app.messagesContaining(token, conversation, reply).size());
            assertThat(alex.connection()).hasAttribute("data-status", "polling");
        }
    }
}
