package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.WebSocket;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Automatic log-off at the default 15 minutes (the page's clock is Playwright's, moved forward): a
 * warning first, which "Stay signed in" dismisses; then the app signs out, closes its socket and
 * forgets everything it showed, including a message that was still being written.
 */
@ExtendWith(WebApp.class)
class IdleLogoffIT {

    @Test
    void afterFifteenIdleMinutesTheAppWarnsThenSignsOutAndForgets(WebApp app) {
        var token = app.token("dr.rivera");
        var secret = "Idle-test text " + UUID.randomUUID();
        app.send(token, app.conversationWith(token, "Alex Morgan"), "<p>" + secret + "</p>");
        try (var browser = app.context()) {
            var page = browser.newPage();
            page.clock().install();
            var sockets = new CopyOnWriteArrayList<WebSocket>();
            page.onWebSocket(sockets::add);
            var rivera = app.signIn(page, "dr.rivera").open("Alex Morgan");
            assertThat(rivera.message(secret)).hasCount(1);
            assertThat(rivera.connection()).hasAttribute("data-status", "live");
            rivera.editor().click();
            page.keyboard().type("an unsent draft");

            page.clock().fastForward("14:01");
            var warning = page.locator("dialog.idle");
            assertThat(warning).isVisible();
            assertThat(warning).containsText("signed out in");
            WebApp.screenshot(page, "idle-warning");
            page.locator("dialog.idle button.stay").click();
            assertThat(warning).isHidden();

            page.clock().fastForward("14:01");
            assertThat(warning).isVisible();
            page.clock().fastForward("01:00");

            assertThat(page.locator("main.signin")).containsText("signed out after a period without activity");
            assertThat(page.locator("body")).not().containsText(secret);
            assertThat(page.locator("body")).not().containsText("an unsent draft");
            assertThat(page.locator("body")).not().containsText("Alex Morgan");
            assertFalse(sockets.isEmpty(), "the app had a socket");
            page.waitForCondition(() -> sockets.stream().allMatch(WebSocket::isClosed));
            assertTrue(page.url().endsWith("/messaging/"), "no reason or state left in the address: " + page.url());
            AppPage.of(page).assertNothingStored();
            WebApp.screenshot(page, "idle-signed-out");
            assertFalse(page.content().contains(secret), "the message text is nowhere in the page");
        }
    }
}
