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
}
