package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reloading the page signs out, because the app keeps no token (and no PHI) in the browser; with the dev
 * login the sign-in page says so, on a phone and at desktop width, and still nothing is stored. A page
 * opened afresh shows no such notice.
 */
@ExtendWith(WebApp.class)
class ReloadIT {

    static final String RELOADED = "The page was reloaded, which signs you out";

    @Test
    void aReloadSignsOutAndTheSignInPageSaysWhy(WebApp app) {
        reloadIn(app::context, app, "dr.rivera", "desktop");
        reloadIn(app::phone, app, "alex.morgan", "390");
    }

    /** The sign-in card keeps a margin on every side (on a phone it once ran to the screen's edges). */
    static void assertCardInsideTheScreen(Page page) {
        var card = page.locator("main.signin").boundingBox();
        var width = page.viewportSize().width;
        assertTrue(card.x >= 8 && card.x + card.width <= width - 8,
                "the card " + card.x + "+" + card.width + " within " + width + " px, with a margin");
    }

    private static void reloadIn(Supplier<BrowserContext> contexts, WebApp app, String username, String width) {
        try (var context = contexts.get()) {
            var page = context.newPage();
            var signedIn = app.signIn(page, username);
            signedIn.assertNothingStored();
            assertThat(page.locator("main.signin")).hasCount(0);

            page.reload();

            var signin = page.locator("main.signin");
            assertThat(signin).isVisible();
            assertThat(signin.locator(".notice[role='status']")).containsText(RELOADED);
            assertThat(page.locator("button.demo-user").first()).isVisible();
            AppPage.of(page).assertNothingStored();
            assertCardInsideTheScreen(page);
            WebApp.screenshot(page, "signin-after-reload-" + width);

            var fresh = context.newPage();
            fresh.navigate(page.url());
            assertThat(fresh.locator("main.signin")).isVisible();
            assertThat(fresh.locator("button.demo-user").first()).isVisible();
            assertThat(fresh.locator("main.signin")).not().containsText(RELOADED);
        }
    }
}
