package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

            var failedSends = new AtomicInteger();
            rivera.page().onRequestFailed(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/messages")) {
                    failedSends.incrementAndGet();
                }
            });
            riveraBrowser.setOffline(true);
            rivera.send(text);
            var pending = rivera.message(text);
            assertThat(pending.locator(".status")).hasText("Waiting for the connection…");
            WebApp.screenshot(rivera.page(), "offline-waiting");
            // The barrier: the outbox has tried again (a second attempt failed) while still offline.
            rivera.page().waitForCondition(() -> failedSends.get() >= 2);
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
            var answered = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
            // The first attempt reaches the server and is committed; the browser never hears the answer.
            page.onRequestFinished(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/messages")) {
                    answered.add(request.response().status());
                }
            });
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
            // The barrier: the retry was answered with success, after which the outbox holds the message no more
            // (only a failed attempt is tried again); a message written afterwards goes out through the same outbox.
            page.waitForCondition(() -> !answered.isEmpty());
            assertEquals(List.of(200), answered, "the retry found the original (200), its answer reached the browser");
            var later = "Written after the retry " + UUID.randomUUID();
            rivera.send(later);
            assertThat(rivera.message(later).locator(".status")).hasText(java.util.regex.Pattern.compile("^(Sent|Read )"));
            assertEquals(3, attempts.get(), "sent twice (the lost answer and the retry), then the later message once");
            assertThat(rivera.message(text)).hasCount(1);
            var token = app.token("dr.rivera");
            assertEquals(1, app.messagesContaining(token, app.conversationWith(token, "Sam Lee"), text).size(),
                    "the retry found the original instead of adding a copy");
        }
    }
}
