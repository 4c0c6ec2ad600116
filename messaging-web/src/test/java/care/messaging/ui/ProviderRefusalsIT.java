package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a person sees when signing in does not end in the app: a realm user the directory does not know, a
 * member the practice switched off, a sign-in cancelled on the provider's page, an answer this tab never
 * asked for. Each is a page of the app that says what happened and offers the way on, never a JSON 401.
 * axe checks them (these contexts bypass the CSP only to inject it).
 */
@ExtendWith(ProviderApp.class)
class ProviderRefusalsIT {

    @Test
    void aPersonTheDirectoryDoesNotKnowIsToldSoAndCanSignOutForSomeoneElse(ProviderApp app) {
        refusedAtBothWidths(app, "dr.patel", "Care Messaging does not know you yet", "provider-unknown-user");
    }

    @Test
    void aMemberThePracticeSwitchedOffIsToldSo(ProviderApp app) {
        refusedAtBothWidths(app, "dr.hughes", "Your account is switched off", "provider-disabled-member");
    }

    void refusedAtBothWidths(ProviderApp app, String username, String heading, String screenshot) {
        for (var width : List.of(390, 1280)) {
            try (var context = axeContext(app, width)) {
                var page = context.newPage();
                ProviderApp.enterPassword(app.toProvider(page, false), username);
                assertThat(page.locator("main.refused h1")).hasText(heading);
                assertThat(page.locator("body")).not().containsText("urn:care-messaging");
                assertThat(page.locator("main.refused button.provider-signin")).isFocused();
                AccessibilityIT.assertNoViolations(page, heading);
                AppPage.of(page).assertNothingStored();
                WebApp.screenshot(page, screenshot + "-" + (width == 390 ? "390" : "desktop"));

                page.locator("main.refused button.provider-signin").click();
                assertThat(page.locator("main.signin .notice")).containsText("You have signed out");
                page.locator("button.provider-signin").click();
                assertThat(page.locator("#kc-form-login #password")).isVisible();
            }
        }
    }

    @Test
    void aSignInCancelledOnTheProvidersPageSaysSoAndTryAgainSignsIn(ProviderApp app) {
        for (var width : List.of(390, 1280)) {
            try (var context = axeContext(app, width)) {
                var page = context.newPage();
                app.toProvider(page, true);
                page.goBack();
                assertThat(page.locator("main.signin .notice")).hasText("Signing in was cancelled. Nothing was kept on this device.");
                assertThat(page.locator("button.provider-signin")).hasText("Try again");
                AppPage.of(page).assertNothingStored();
                AccessibilityIT.assertNoViolations(page, "cancelled sign-in");
                WebApp.screenshot(page, "provider-cancelled-" + (width == 390 ? "390" : "desktop"));

                page.locator("button.provider-signin").click();
                ProviderApp.enterPassword(page, "jordan.lee");
                AppPage.of(page).awaitReady();
                assertThat(AppPage.of(page).threadTitle()).hasText("Dr. Maria Rivera");
            }
        }
    }

    @Test
    void anAnswerThisTabNeverAskedForIsRefusedBeforeAnyCodeIsExchanged(ProviderApp app) {
        for (var width : List.of(390, 1280)) {
            try (var context = axeContext(app, width)) {
                var page = context.newPage();
                var tokenRequests = new CopyOnWriteArrayList<String>();
                page.onRequest(request -> {
                    if (request.url().contains("/protocol/openid-connect/token")) {
                        tokenRequests.add(request.url());
                    }
                });
                page.navigate(app.base() + "#code=a-code-someone-else-got&state=not-from-this-tab");
                assertThat(page.locator("main.signin .notice")).containsText("This sign-in could not be checked");
                assertEquals(List.of(), tokenRequests, "the code was never sent to the provider");
                assertTrue(page.url().endsWith("/messaging/"), "the code is gone from the address: " + page.url());
                assertFalse(page.content().contains("a-code-someone-else-got"));
                assertThat(page.locator("button.provider-signin")).hasText("Try again");
                AccessibilityIT.assertNoViolations(page, "unchecked sign-in");
                WebApp.screenshot(page, "provider-unchecked-answer-" + (width == 390 ? "390" : "desktop"));
            }
        }
    }

    static BrowserContext axeContext(ProviderApp app, int width) {
        var options = new Browser.NewContextOptions().setBypassCSP(true);
        return app.context(width == 390 ? options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true) : options.setViewportSize(1280, 800));
    }
}
