package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the app: two practitioners of a practice write to each other, live, with receipts. */
@ExtendWith(WebApp.class)
class ColleagueConversationIT {

    @Test
    void aPractitionerWritesToAColleague(WebApp app) {
        try (var riveraBrowser = app.context(); var chenBrowser = app.context()) {
            var chen = app.signIn(chenBrowser, "dr.chen");
            var rivera = app.signIn(riveraBrowser, "dr.rivera");
            var page = rivera.page();
            page.locator("button.new-conversation").click();
            var colleague = page.locator("dialog.picker button.colleague", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Dr. Wei Chen"));
            colleague.click();
            assertThat(rivera.threadTitle()).hasText("Dr. Wei Chen");
            assertThat(page.locator("button.client-settings")).hasCount(0);
            assertThat(page.locator(".thread-notice")).isHidden();

            var text = "Can you cover my Friday group? " + UUID.randomUUID();
            rivera.send(text);
            assertThat(chen.badge("Dr. Maria Rivera")).hasText("1");
            chen.open("Dr. Maria Rivera");
            assertThat(chen.message(text).locator(".sender")).hasText("Dr. Maria Rivera");
            assertThat(rivera.message(text).locator(".status")).hasText(Pattern.compile("^Read "));
            var answer = "Yes, happy to. " + UUID.randomUUID();
            chen.send(answer);
            assertThat(rivera.message(answer)).hasCount(1);
            WebApp.screenshot(page, "colleague-conversation");
        }
    }
}
