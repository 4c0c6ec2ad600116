package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A practitioner starts a conversation by finding a client by name and picking them. */
@ExtendWith(WebApp.class)
class NewConversationIT {

    @Test
    void aPractitionerPicksAClientAndWrites(WebApp app) {
        try (var browser = app.context()) {
            var chen = app.signIn(browser, "dr.chen");
            var page = chen.page();
            page.locator("button.new-conversation").click();
            var dialog = page.locator("dialog.picker");
            assertThat(dialog).isVisible();
            page.getByLabel("Find a client").fill("case");
            dialog.locator("button.client", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Casey Diaz")).click();
            assertThat(dialog).hasCount(0);
            assertThat(chen.threadTitle()).hasText("Casey Diaz");
            assertThat(chen.conversation("Casey Diaz")).hasCount(1);
            var text = "Welcome from Dr. Chen " + UUID.randomUUID();
            chen.send(text);
            assertThat(chen.message(text).locator(".status")).hasText(Pattern.compile("^(Sent|Read )"));
            assertThat(chen.conversation("Casey Diaz").locator(".preview")).containsText("Welcome from Dr. Chen");
        }
    }
}
