package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * dr.rivera in the practitioner app and alex.morgan in the client portal, each in a browser of their
 * own, write to each other: messages arrive live, the read receipt reaches the sender, unread badges and
 * the page title follow, and nothing is kept in the browser's storage.
 */
@ExtendWith(WebApp.class)
class LiveMessagingIT {

    @Test
    void practitionerAndClientExchangeMessagesLive(WebApp app) {
        try (var riveraBrowser = app.context(); var alexBrowser = app.context()) {
            var rivera = app.signIn(riveraBrowser, "dr.rivera");
            var alex = app.signIn(alexBrowser, "alex.morgan");
            WebApp.screenshot(rivera.page(), "practitioner-inbox");
            assertThat(alex.threadTitle()).hasText("Dr. Maria Rivera");
            assertThat(alex.connection()).hasAttribute("data-status", "live");
            assertThat(rivera.connection()).hasAttribute("data-status", "live");
            // The practitioner has another conversation open, so Alex's message counts as unread.
            rivera.open("Sam Lee");
            assertThat(rivera.badge("Sam Lee")).hasCount(0);
            var before = unreadOf(rivera, "Alex Morgan");
            var totalBefore = total(rivera);

            var question = "Can we move Thursday? " + UUID.randomUUID();
            alex.send(question);
            assertThat(alex.message(question).locator(".status")).hasText("Sent");

            assertThat(rivera.badge("Alex Morgan")).hasText(String.valueOf(before + 1));
            assertThat(rivera.totalBadge()).hasText(String.valueOf(totalBefore + 1));
            assertThat(rivera.page()).hasTitle(Pattern.compile("^\\(" + (totalBefore + 1) + "\\) Care Messaging$"));
            assertThat(rivera.conversation("Alex Morgan").locator(".preview")).containsText("Can we move Thursday?");

            rivera.open("Alex Morgan");
            assertThat(rivera.message(question)).hasCount(1);
            assertThat(rivera.message(question).locator(".sender")).hasText("Alex Morgan");
            assertThat(rivera.badge("Alex Morgan")).hasCount(0);
            var rest = totalBefore - before;
            assertThat(rivera.totalBadge()).hasText(String.valueOf(rest));
            assertThat(rivera.page()).hasTitle(rest == 0 ? "Care Messaging" : "(" + rest + ") Care Messaging");
            // Opening the thread read it: the receipt reaches Alex live.
            assertThat(alex.message(question).locator(".status")).hasText(Pattern.compile("^Read \\d{1,2}:\\d{2}"));

            var answer = "Thursday at 4 works. " + UUID.randomUUID();
            rivera.send(answer);
            assertThat(alex.message(answer)).hasCount(1);
            assertThat(alex.message(answer).locator(".sender")).hasText("Dr. Maria Rivera");
            // Alex is looking at the thread, so the answer is read at once and Rivera sees the receipt.
            assertThat(rivera.message(answer).locator(".status")).hasText(Pattern.compile("^Read "));
            assertThat(alex.message(question)).hasCount(1);
            assertThat(rivera.message(question)).hasCount(1);
            WebApp.screenshot(rivera.page(), "practitioner-thread");
            WebApp.screenshot(alex.page(), "portal-thread");
            rivera.assertNothingStored();
            alex.assertNothingStored();
        }
    }

    static int unreadOf(AppPage app, String counterpart) {
        var badge = app.badge(counterpart);
        return badge.count() == 0 ? 0 : Integer.parseInt(badge.innerText().trim());
    }

    static int total(AppPage app) {
        var badge = app.totalBadge();
        return badge.isVisible() ? Integer.parseInt(badge.innerText().trim()) : 0;
    }
}
