package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message written while the network is cut waits in the outbox and goes out when it returns, with
 * the clientMessageId it got when it was written: delivered once, also when the first attempt reached
 * the server and only its answer was lost.
 */
@ExtendWith(WebApp.class)
class OfflineSendIT {

    @Test
    void aMessageWrittenOfflineIsDeliveredOnceWhenTheNetworkReturns(WebApp app) throws Exception {
        try (var riveraBrowser = app.context(); var jordanBrowser = app.context()) {
            var rivera = app.signIn(riveraBrowser, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(jordanBrowser, "jordan.lee");
            var text = "Written in a tunnel " + UUID.randomUUID();

            riveraBrowser.setOffline(true);
            rivera.send(text);
            var pending = rivera.message(text);
            assertThat(pending.locator(".status")).hasText("Waiting for the connection…");
            WebApp.screenshot(rivera.page(), "offline-waiting");
            // Long enough for the outbox to try again while still offline.
            rivera.page().waitForTimeout(3000);
            assertThat(pending.locator(".status")).hasText("Waiting for the connection…");
            assertThat(jordan.message(text)).hasCount(0);

            riveraBrowser.setOffline(false);
            assertThat(rivera.message(text).locator(".status")).hasText(java.util.regex.Pattern.compile("^(Sent|Read )"));
            assertThat(jordan.message(text)).hasCount(1);
            var token = app.token("dr.rivera");
            assertEquals(1, app.messagesContaining(token, app.conversationWith(token, "Sam Lee"), text).size(),
                    "the server holds the message once");
            rivera.assertNothingStored();
        }
    }

    @Test
    void aSendWhoseAnswerWasLostIsRetriedWithoutADuplicate(WebApp app) throws Exception {
        try (var browser = app.context()) {
            var page = browser.newPage();
            var attempts = new AtomicInteger();
            // The first attempt reaches the server and is committed; the browser never hears the answer.
            page.route("**/api/conversations/*/messages", route -> {
                if ("POST".equals(route.request().method()) && attempts.incrementAndGet() == 1) {
                    route.fetch();
                    route.abort("connectionreset");
                } else {
                    route.resume();
                }
            });
            var rivera = app.signIn(page, "dr.rivera").open("Sam Lee");
            var text = "Answer lost on the way " + UUID.randomUUID();
            rivera.send(text);
            assertThat(rivera.message(text).locator(".status")).hasText(java.util.regex.Pattern.compile("^(Sent|Read )"));
            // The message may show as sent before the retry (its event brings it from the server); the
            // outbox still retries, with the same clientMessageId.
            page.waitForCondition(() -> attempts.get() == 2);
            page.waitForTimeout(1000);
            assertEquals(2, attempts.get(), "sent twice: the lost answer and the retry");
            assertThat(rivera.message(text)).hasCount(1);
            var token = app.token("dr.rivera");
            assertEquals(1, app.messagesContaining(token, app.conversationWith(token, "Sam Lee"), text).size(),
                    "the retry found the original instead of adding a copy");
        }
    }
}
