package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The composer: formatting from the toolbar, the emoji picker by keyboard, ⌘+Enter, and a failed send retried. */
@ExtendWith(WebApp.class)
class ComposerIT {

    @Test
    void formattingAndEmojiReachTheOtherSide(WebApp app) {
        try (var browser = app.context(); var other = app.context()) {
            var rivera = app.signIn(browser, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(other, "jordan.lee");
            var page = rivera.page();
            var marker = UUID.randomUUID().toString();

            rivera.editor().click();
            page.locator("button.ql-bold").click();
            page.keyboard().type("Important");
            page.locator("button.ql-bold").click();
            page.keyboard().type(" and plain " + marker + " ");
            page.locator("button.ql-list[value='bullet']").click();
            page.keyboard().type("first point");
            // The emoji picker, by keyboard: open it, move one to the right, pick.
            page.locator("button.emoji-toggle").focus();
            page.keyboard().press("Enter");
            assertThat(page.locator(".emoji-panel")).isVisible();
            page.keyboard().press("ArrowRight");
            page.keyboard().press("Enter");
            assertThat(page.locator(".emoji-panel")).isHidden();
            // ⌘+Enter sends as well as Ctrl+Enter (what a Mac keyboard sends).
            rivera.editor().press("Meta+Enter");

            var sent = jordan.message(marker);
            assertThat(sent.locator(".body strong")).hasText("Important");
            assertThat(sent.locator(".body ul li")).containsText("first point");
            assertThat(sent.locator(".body ul li")).containsText("😊");
            assertThat(rivera.editor()).hasText("");
        }
    }

    @Test
    void aFailedSendShowsRetryAndTheRetrySendsItOnce(WebApp app) {
        try (var browser = app.context()) {
            var page = browser.newPage();
            var attempts = new AtomicInteger();
            page.route("**/api/conversations/*/messages", route -> {
                if ("POST".equals(route.request().method()) && attempts.incrementAndGet() == 1) {
                    route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(500)
                            .setContentType("application/problem+json")
                            .setBody("{\"type\":\"urn:care-messaging:problem:server-error\",\"title\":\"Something went wrong\",\"status\":500}"));
                } else {
                    route.resume();
                }
            });
            var rivera = app.signIn(page, "dr.rivera").open("Casey Diaz");
            var text = "Retried by hand " + UUID.randomUUID();
            rivera.send(text);
            var pending = rivera.message(text);
            assertThat(pending.locator(".status")).containsText("Not sent");
            assertThat(pending.locator("button.retry")).isVisible();
            pending.locator("button.retry").click();
            assertThat(rivera.message(text).locator(".status")).hasText(Pattern.compile("^(Sent|Read )"));
            assertThat(rivera.message(text)).hasCount(1);
            var token = app.token("dr.rivera");
            assertEquals(1, app.messagesContaining(token, app.conversationWith(token, "Casey Diaz"), text).size());
        }
    }
}
