package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client portal on a phone-sized screen: a guardian sees their child's thread, who is who is
 * spelled out on both sides, and they can write.
 */
@ExtendWith(WebApp.class)
class PortalIT {

    @Test
    void aGuardianWritesFromAPhoneAndThePractitionerSeesWhoWrote(WebApp app) {
        try (var phone = app.phone(); var desk = app.context()) {
            var jordan = app.signIn(phone, "jordan.lee");
            assertThat(jordan.threadTitle()).hasText("Dr. Maria Rivera");
            assertThat(jordan.page().locator(".thread-note")).hasText("About Sam Lee (you are their guardian)");
            assertThat(jordan.page().locator(".sidebar")).isHidden();
            var width = (Number) jordan.page().evaluate("() => document.documentElement.scrollWidth");
            assertTrue(width.intValue() <= 390, "nothing wider than the phone's screen: " + width);

            var text = "Sam slept better this week " + UUID.randomUUID();
            jordan.send(text);
            assertThat(jordan.message(text).locator(".status")).hasText(java.util.regex.Pattern.compile("^(Sent|Read )"));
            WebApp.screenshot(jordan.page(), "portal-phone-guardian");

            var rivera = app.signIn(desk, "dr.rivera");
            assertThat(rivera.conversation("Sam Lee").locator(".note")).hasText("Jordan Lee, guardian of Sam Lee");
            rivera.open("Sam Lee");
            assertThat(rivera.page().locator(".thread-note")).hasText("Jordan Lee, guardian of Sam Lee");
            assertThat(rivera.message(text).locator(".sender")).hasText("Jordan Lee, guardian of Sam Lee");
            assertEquals(1, rivera.message(text).count());
        }
    }

    @Test
    void aClientWithOneConversationOnAPhoneCanGoBackToTheListAndTheArchive(WebApp app) {
        try (var phone = app.phone();
                var desk = app.context(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 900))) {
            var jordan = app.signIn(phone, "jordan.lee");
            var page = jordan.page();
            assertThat(jordan.threadTitle()).hasText("Dr. Maria Rivera");
            assertThat(page.locator(".sidebar")).isHidden();

            page.locator(".thread .back").click();
            assertThat(page.locator(".sidebar")).isVisible();
            assertThat(page.locator("#search-input")).isVisible();
            assertThat(page.locator(".folder-archive")).isVisible();
            assertThat(jordan.conversation("Dr. Maria Rivera")).isVisible();
            WebApp.screenshot(page, "portal-phone-one-conversation-list");

            page.locator(".folder-archive").click();
            assertThat(page.locator(".folder-archive")).hasAttribute("aria-selected", "true");
            page.locator(".folder-inbox").click();
            jordan.open("Dr. Maria Rivera");
            assertThat(page.locator(".sidebar")).isHidden();
            page.locator(".nav-inbox").click();
            assertThat(page.locator(".sidebar")).isVisible();
            assertThat(page.locator(".thread")).isHidden();

            var wide = app.signIn(desk, "jordan.lee");
            assertThat(wide.page().locator(".sidebar")).isVisible();
            assertThat(wide.page().locator(".folder-archive")).isVisible();
            WebApp.screenshot(wide.page(), "portal-desktop-one-conversation");
        }
    }
}
