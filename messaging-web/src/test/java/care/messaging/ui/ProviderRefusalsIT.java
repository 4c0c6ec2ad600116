package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import java.util.List;
import java.util.UUID;
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

    /** drew.gone's id in the realm, the subject of the account seeded here. */
    static final String DREW = "6f1d2c3b-4a59-4e8d-9b7a-1c2d3e4f5a05";

    /** Unknown to the directory, each app tries to bind the sign-in once (no e-mail or employee id matches) and says so in its own words. */
    @Test
    void aPersonTheDirectoryDoesNotKnowIsToldSoInTheirAppsWordsAndCanSignOutForSomeoneElse(ProviderApp app) {
        refusedAtBothWidths(app, "dr.patel", false, "You are not in this practice's directory",
                "Ask your practice's admin to add you.", "provider-unknown-user");
        refusedAtBothWidths(app, "kim.unknown", true, "We could not find your portal account",
                "ask your practice for an invitation link", "provider-unknown-client");
    }

    @Test
    void aMemberThePracticeSwitchedOffIsToldSo(ProviderApp app) {
        refusedAtBothWidths(app, "dr.hughes", false, "Your account is switched off", "has been switched off", "provider-disabled-member");
    }

    /** drew.gone's portal account acts for one client, whom the practice discharged: the portal says it was closed, naming nobody. */
    @Test
    void aClientWhomThePracticeDischargedIsToldTheirPortalWasClosed(ProviderApp app) {
        var client = UUID.randomUUID();
        app.sql("INSERT INTO client (id, practice_id, display_name, enabled) SELECT ?::uuid, id, 'Drew Gale', false FROM practice WHERE name = 'Riverside Therapy'",
                client.toString());
        var account = UUID.randomUUID();
        app.sql("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) "
                + "SELECT ?::uuid, id, 'drew.gone', ?, 'client', 'Drew Gale', now() FROM practice WHERE name = 'Riverside Therapy'",
                account.toString(), DREW);
        app.sql("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?::uuid, ?::uuid, 'self')", client.toString(), account.toString());
        refusedAtBothWidths(app, "drew.gone", true, "Your practice has closed your portal access", "please call your practice",
                "provider-discharged-client");
        assertEquals(2, app.sql("SELECT count(*) FROM audit_event WHERE attempted_action = 'account.me' AND reason = 'client-discharged' AND actor_id = ?::uuid",
                account.toString()), "each refusal is audited");
    }

    /** Signs in at both widths: the refusal page with its heading and words, then signing out ends the provider's session too. */
    void refusedAtBothWidths(ProviderApp app, String username, boolean portal, String heading, String says, String screenshot) {
        for (var width : List.of(390, 1280)) {
            try (var context = axeContext(app, width)) {
                var page = context.newPage();
                var bindings = new CopyOnWriteArrayList<String>();
                page.onRequest(request -> {
                    if (request.url().endsWith("/api/me/binding")) {
                        bindings.add(request.method());
                    }
                });
                ProviderApp.enterPassword(app.toProvider(page, portal), username);
                assertThat(page.locator("main.refused h1")).hasText(heading);
                assertThat(page.locator("main.refused")).containsText(says);
                assertThat(page.locator("body")).not().containsText("urn:care-messaging");
                assertThat(page.locator("main.refused button.provider-signin")).isFocused();
                AccessibilityIT.assertNoViolations(page, heading);
                AppPage.of(page).assertNothingStored();
                WebApp.screenshot(page, screenshot + "-" + (width == 390 ? "390" : "desktop"));
                var refusal = page.locator("main.refused").getAttribute("data-refusal");
                assertEquals("unknown-account".equals(refusal) ? List.of("POST") : List.of(), bindings,
                        "a sign-in the directory does not know is bound at most once, and only then");

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
