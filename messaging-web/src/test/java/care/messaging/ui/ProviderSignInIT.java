package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocket;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both apps sign in on Keycloak's real login page (Authorization Code with PKCE), talk live, keep going
 * past their first token's expiry on renewed tokens (the socket reopened with a ticket of each new token,
 * from its cursor), and sign out at the provider too: signing in again asks for the password. A first sign-in
 * without an invitation binds by the provider's verified e-mail (a client) or employee id (a practitioner).
 */
@ExtendWith(ProviderApp.class)
class ProviderSignInIT {

    /** The realm's ids of casey.mail and dr.staff (care-realm.json), whom the directory has not bound yet. */
    static final String CASEY = "6f1d2c3b-4a59-4e8d-9b7a-1c2d3e4f5a03";
    static final String STAFFORDSON = "6f1d2c3b-4a59-4e8d-9b7a-1c2d3e4f5a04";

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

    /**
     * A first sign-in without an invitation: the practice prepared Casey's portal account with the e-mail the provider
     * verified, and a practitioner had written. Casey signs in on Keycloak's page and lands in the portal, bound, reading it.
     */
    @Test
    void aClientWhoseVerifiedEmailNamesTheirPreparedAccountSignsInToThePortalAndReadsWhatWaited(ProviderApp app) {
        var client = UUID.randomUUID();
        var account = UUID.randomUUID();
        app.sql("INSERT INTO client (id, practice_id, display_name) SELECT ?::uuid, id, 'Casey Marsh' FROM practice WHERE name = 'Riverside Therapy'",
                client.toString());
        app.sql("INSERT INTO account (id, practice_id, username, role, display_name, email) "
                + "SELECT ?::uuid, id, 'casey.marsh', 'client', 'Casey Marsh', 'casey.mail@mail.example' FROM practice WHERE name = 'Riverside Therapy'",
                account.toString());
        app.sql("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?::uuid, ?::uuid, 'self')", client.toString(), account.toString());
        var rivera = app.token(ProviderApp.PRACTITIONER_APP, "dr.rivera");
        var conversation = MicroNode.json(app.call(rivera, "POST", "conversations", "{\"clientId\":\"" + client + "\"}")).getString("id");
        var waiting = "Welcome Casey, your first appointment is on Tuesday " + UUID.randomUUID();
        var sent = app.call(rivera, "POST", "conversations/" + conversation + "/messages", Json.createObjectBuilder()
                .add("clientMessageId", UUID.randomUUID().toString()).add("html", "<p>" + waiting + "</p>").build().toString());
        assertEquals(201, sent.statusCode(), sent.body());

        try (var phone = app.phone()) {
            var page = phone.newPage();
            var casey = app.signIn(page, "casey.mail", true);
            assertThat(casey.message(waiting)).hasCount(1);
            assertThat(page.locator(".who")).hasText("Casey Marsh");
            casey.assertNothingStored();
            screenshots(page, "provider-bound-by-email");
        }
        assertEquals(1, app.sql("SELECT count(*) FROM account WHERE id = ?::uuid AND subject = ? AND signed_up_at IS NOT NULL",
                account.toString(), CASEY), "Keycloak's sub is the account's subject now");
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'sign-in.bind' AND outcome = 'success' AND actor_id = ?::uuid",
                account.toString()));
    }

    /** The practice's directory has Dr. Staffordson under the employee id the hospital's provider puts in the token. */
    @Test
    void aPractitionerWhoseEmployeeIdNamesTheirDirectoryEntrySignsInToTheInbox(ProviderApp app) {
        var account = UUID.randomUUID();
        app.sql("INSERT INTO account (id, practice_id, username, role, display_name, external_id) "
                + "SELECT ?::uuid, id, 'dr.staffordson', 'practitioner', 'Dr. Lee Staffordson', 'E-40417' FROM practice WHERE name = 'Riverside Therapy'",
                account.toString());
        try (var desk = app.context()) {
            var page = desk.newPage();
            app.signIn(page, "dr.staff", false).assertNothingStored();
            assertThat(page.locator("#list-title")).hasText("Inbox");
            assertThat(page.locator(".who")).hasText("Dr. Lee Staffordson");
            screenshots(page, "provider-bound-by-employee-id");
        }
        assertEquals(1, app.sql("SELECT count(*) FROM account WHERE id = ?::uuid AND subject = ?", account.toString(), STAFFORDSON),
                "Keycloak's sub is the directory entry's subject now");
    }

    static void screenshots(Page page, String name) {
        for (var width : new int[] {390, 1366}) {
            page.setViewportSize(width, width < 800 ? 844 : 900);
            WebApp.screenshot(page, name + "-" + (width < 800 ? "390" : "desktop"));
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
