package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded default's demo data looks like a practice in use: the practitioner's inbox holds several
 * clients with a history, a guardian's thread, a client who has not signed up, a colleague thread and an
 * announcement, and a finished client's thread in the archive; the other practice never shows. The main
 * screens are photographed at 390, 768 and 1366 px.
 */
@ExtendWith(WebApp.class)
class DemoPracticeIT {

    static final int[] WIDTHS = {390, 768, 1366};

    @Test
    void thePractitionersInboxLooksLikeAPracticeInUse(WebApp app) {
        try (var browser = app.context()) {
            var rivera = app.signIn(browser, "dr.rivera");
            for (var name : new String[]{"Alex Morgan", "Sam Lee", "Casey Diaz", "Priya Nair", "Marcus Bell", "Dr. Wei Chen"}) {
                assertThat(rivera.conversation(name)).hasCount(1);
            }
            assertThat(rivera.conversation("Elena Soto")).hasCount(0);
            assertThat(rivera.conversation("Robin Hale")).hasCount(0);
            assertTrue(rivera.page().locator("button.conversation").count() >= 6, "at least six conversations");

            rivera.open("Sam Lee");
            assertThat(rivera.messages().locator(".announcement-label")).not().hasCount(0);
            rivera.open("Priya Nair");
            assertThat(rivera.message("wind-down routine")).hasCount(1);
            assertThat(rivera.message("Sleep diary is filled in")).hasCount(1);
            assertTrue(rivera.messages().count() >= 5, "a thread with a history");
            rivera.open("Dr. Wei Chen");
            assertThat(rivera.message("Thursday 3 pm intake")).hasCount(1);

            rivera.page().locator("button.folder-archive").click();
            assertThat(rivera.conversation("Elena Soto")).hasCount(1);
        }
    }

    @Test
    void theMainScreensAtPhoneTabletAndDesktopWidths(WebApp app) {
        for (var width : WIDTHS) {
            var size = new Browser.NewContextOptions().setViewportSize(width, width < 800 ? 844 : 900);
            try (var practitioner = app.context(width < 500 ? size.setIsMobile(true).setHasTouch(true) : size)) {
                var rivera = app.signIn(practitioner, "dr.rivera");
                WebApp.screenshot(rivera.page(), "demo-inbox-" + width);
                rivera.open("Priya Nair");
                assertThat(rivera.message("Sleep diary is filled in")).isVisible();
                WebApp.screenshot(rivera.page(), "demo-thread-" + width);
            }
            try (var portal = app.context(width < 500 ? size.setIsMobile(true).setHasTouch(true) : size)) {
                var jordan = app.signIn(portal, "jordan.lee");
                assertThat(jordan.page().locator("li.message").last()).isVisible();
                WebApp.screenshot(jordan.page(), "demo-portal-" + width);
            }
        }
    }
}
