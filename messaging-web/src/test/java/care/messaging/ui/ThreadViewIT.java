package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thread: day separators, the counterpart's online dot, new messages scrolled into view for a
 * reader at the end, and a "new messages" marker instead for a reader who scrolled up.
 */
@ExtendWith(WebApp.class)
class ThreadViewIT {

    @Test
    void newMessagesScrollIntoViewUnlessTheReaderScrolledUp(WebApp app) {
        var client = app.token("alex.morgan");
        var conversation = app.conversationWith(client, "Dr. Maria Rivera");
        for (var i = 0; i < 25; i++) {
            app.send(client, conversation, "<p>Filler line " + i + " to make the thread scroll</p>");
        }
        try (var browser = app.context(); var portal = app.context()) {
            app.signIn(portal, "alex.morgan");
            var rivera = app.signIn(browser, "dr.rivera");
            assertThat(rivera.conversation("Alex Morgan").locator(".presence.online")).hasCount(1);
            rivera.open("Alex Morgan");
            assertThat(rivera.page().locator(".presence-text")).hasText("Online");
            // Demo messages are from earlier days; today's have a separator of their own.
            assertThat(rivera.page().locator(".day-separator").last()).hasText("Today");

            var atEnd = "Arrives while at the end " + UUID.randomUUID();
            app.send(client, conversation, "<p>" + atEnd + "</p>");
            assertThat(rivera.message(atEnd)).isInViewport();
            assertThat(rivera.page().locator(".new-marker")).isHidden();

            rivera.page().locator(".scroller").evaluate("s => s.scrollTo({top: 0})");
            var whileUp = "Arrives while scrolled up " + UUID.randomUUID();
            app.send(client, conversation, "<p>" + whileUp + "</p>");
            var marker = rivera.page().locator(".new-marker");
            assertThat(marker).isVisible();
            assertThat(rivera.message(whileUp)).not().isInViewport();
            marker.click();
            assertThat(rivera.message(whileUp)).isInViewport();
            assertThat(marker).isHidden();
        }
    }
}
