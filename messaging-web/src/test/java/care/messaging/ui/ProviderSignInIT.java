package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocket;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both apps sign in on Keycloak's real login page (Authorization Code with PKCE), talk live, keep going
 * past their first token's expiry on renewed tokens (the socket reopened with a ticket of each new token,
 * from its cursor), and sign out at the provider too: signing in again asks for the password.
 */
@ExtendWith(ProviderApp.class)
class ProviderSignInIT {

    /** What one page did with the provider and the socket while a test watched. */
    static final class Watched {
        final List<String> grants = new CopyOnWriteArrayList<>();
        final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

        Watched(Page page) {
            page.onRequest(request -> {
                if (request.url().endsWith("/protocol/openid-connect/token") && request.postData() != null) {
                    grants.add(request.postData().replaceAll("^.*grant_type=([a-z_]+).*$", "$1"));
                }
            });
            page.onWebSocket(sockets::add);
        }

        long renewals() {
            return grants.stream().filter("refresh_token"::equals).count();
        }

        /** The cursor each socket was opened from, in order. */
        List<Long> cursors() {
            return sockets.stream().map(s -> Long.parseLong(s.url().replaceAll("^.*[?&]after=(\\d+).*$", "$1"))).toList();
        }
    }

    @Test
    void bothAppsSignInAtTheProviderTalkLiveThroughRenewalsAndSignOutThere(ProviderApp app) throws Exception {
        try (var desk = app.context(); var phone = app.phone()) {
            var riveraPage = desk.newPage();
            var alexPage = phone.newPage();
            var deskSeen = new Watched(riveraPage);
            var phoneSeen = new Watched(alexPage);

            app.toProvider(riveraPage, false);
            WebApp.screenshot(riveraPage, "provider-login-desktop");
            var riveraExpiry = signInAndReadExpiry(riveraPage, "dr.rivera");
            app.toProvider(alexPage, true);
            WebApp.screenshot(alexPage, "provider-login-390");
            var alexExpiry = signInAndReadExpiry(alexPage, "alex.morgan");
            var rivera = AppPage.of(riveraPage);
            var alex = AppPage.of(alexPage);
            rivera.awaitReady();
            alex.awaitReady();
            assertTrue(riveraPage.url().endsWith("/messaging/"), "no code or state left in the address: " + riveraPage.url());
            assertEquals(List.of("authorization_code"), deskSeen.grants, "the code was exchanged once, with its verifier");
            rivera.assertNothingStored();
            alex.assertNothingStored();

            rivera.open("Alex Morgan");
            assertThat(alex.threadTitle()).hasText("Dr. Maria Rivera");
            exchange(rivera, alex, "before renewal");
            WebApp.screenshot(riveraPage, "provider-signed-in-desktop");
            WebApp.screenshot(alexPage, "provider-signed-in-390");

            // Past the first tokens' expiry (plus the node's skew), with at least two renewals each.
            var lapse = (riveraExpiry.isAfter(alexExpiry) ? riveraExpiry : alexExpiry).plusSeconds(ProviderApp.CLOCK_SKEW_SECONDS + 1);
            riveraPage.waitForCondition(() -> deskSeen.renewals() >= 2 && phoneSeen.renewals() >= 2 && Instant.now().isAfter(lapse),
                    new Page.WaitForConditionOptions().setTimeout(180_000));
            for (var seen : List.of(deskSeen, phoneSeen)) {
                assertTrue(seen.sockets.size() >= 3, "a socket per token: " + seen.cursors());
                var cursors = seen.cursors();
                for (int i = 1; i < cursors.size(); i++) {
                    assertTrue(cursors.get(i) >= cursors.get(i - 1) && cursors.get(i) > 0, "each socket went on from the cursor: " + cursors);
                }
                assertTrue(seen.sockets.subList(0, seen.sockets.size() - 1).stream().allMatch(WebSocket::isClosed), "replaced sockets are closed");
            }
            assertThat(rivera.connection()).hasAttribute("data-status", "live");
            assertThat(alex.connection()).hasAttribute("data-status", "live");
            exchange(rivera, alex, "after renewals");

            for (var page : List.of(riveraPage, alexPage)) {
                page.locator("button.signout").click();
                assertThat(page.locator("main.signin .notice")).containsText("You have signed out");
                assertTrue(page.url().matches(".*/messaging/(portal/)?$"), "no reason or state left in the address: " + page.url());
                AppPage.of(page).assertNothingStored();
            }
            WebApp.screenshot(riveraPage, "provider-signed-out-desktop");
            WebApp.screenshot(alexPage, "provider-signed-out-390");
            for (var page : List.of(riveraPage, alexPage)) {
                page.locator("button.provider-signin").click();
                assertThat(page.locator("#kc-form-login #password")).isVisible();
            }
        }
    }

    @Test
    void theIdleLogOffEndsTheProvidersSessionToo(ProviderApp app) {
        try (var desk = app.context()) {
            var page = desk.newPage();
            page.clock().install();
            var rivera = app.signIn(page, "dr.chen", false);
            assertThat(rivera.connection()).hasAttribute("data-status", "live");

            page.clock().fastForward("14:01");
            assertThat(page.locator("dialog.idle")).isVisible();
            page.clock().fastForward("01:00");

            assertThat(page.locator("main.signin .notice")).containsText("signed out after a period without activity");
            assertTrue(page.url().endsWith("/messaging/"), "no reason or state left in the address: " + page.url());
            AppPage.of(page).assertNothingStored();
            page.locator("button.provider-signin").click();
            assertThat(page.locator("#kc-form-login #password")).isVisible();
        }
    }

    /** Signs in on the provider's page, which must be showing; answers when the first access token expires. */
    static Instant signInAndReadExpiry(Page page, String username) throws Exception {
        var exchange = page.waitForResponse(r -> r.url().endsWith("/protocol/openid-connect/token"), () -> ProviderApp.enterPassword(page, username));
        var token = jakarta.json.Json.createReader(new java.io.StringReader(exchange.text())).readObject().getString("access_token");
        return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
    }

    /** Each side writes, and each message reaches the other live, once. */
    static void exchange(AppPage rivera, AppPage alex, String when) {
        var toAlex = "From Dr. Rivera " + when + " " + UUID.randomUUID();
        rivera.send(toAlex);
        assertThat(alex.message(toAlex)).hasCount(1);
        var toRivera = "From Alex " + when + " " + UUID.randomUUID();
        alex.send(toRivera);
        assertThat(rivera.message(toRivera)).hasCount(1);
    }
}
