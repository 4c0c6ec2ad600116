package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.KeycloakLogin;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A provider's answer that must not sign anyone in, though it reaches the app: a code already exchanged, an ID
 * token whose nonce is not the one this tab sent, an ID token of another organisation's issuer; and a sign-in
 * that asks the provider to send its answer somewhere else. Each ends on the app's failed sign-in page with
 * "Try again" and nothing kept, and the API is never called with a token. The server never sees these answers
 * (the code stays in the fragment, the ID token in the page); the provider records what it sees, which is where
 * the audit of them is (docs/security.md).
 */
@ExtendWith(ProviderApp.class)
class ProviderBadSignInIT {

    /** The realm of another organisation in the same Keycloak, with the same client ids and a dr.rivera (elsewhere-realm.json). */
    static final String OTHER_REALM = "elsewhere";
    static final String PENDING = "care-messaging.signin.";

    /**
     * Records, as the provider's answer arrives and before any script of the app runs, the address it came to and
     * the sign-in state this tab kept for it; and, when {@code nonce} is set, puts another nonce into that state.
     */
    static String answerWatch(boolean tamperNonce) {
        return "(() => { if (!/[#&]code=/.test(location.hash)) return;"
                + " const kept = {};"
                + " for (const key of Object.keys(sessionStorage).filter(k => k.startsWith('" + PENDING + "'))) {"
                + "   kept[key] = sessionStorage.getItem(key);"
                + (tamperNonce ? "   const s = JSON.parse(kept[key]); s.nonce = 'not-' + s.nonce; sessionStorage.setItem(key, JSON.stringify(s));" : "")
                + " }"
                + " window.careAnswerSeen(JSON.stringify({href: location.href, kept}));"
                + "})()";
    }

    record Answer(String href, Map<String, String> kept) {
        static Answer of(String json) {
            try (var reader = Json.createReader(new StringReader(json))) {
                var o = reader.readObject();
                var kept = new java.util.LinkedHashMap<String, String>();
                o.getJsonObject("kept").forEach((k, v) -> kept.put(k, ((JsonString) v).getString()));
                return new Answer(o.getString("href"), kept);
            }
        }
    }

    /** Every call of the app's API that carried a token, from now on. */
    static List<String> callsWithToken(Page page, String base) {
        var calls = new CopyOnWriteArrayList<String>();
        page.onRequest(request -> {
            if (request.url().startsWith(base + "api/") && request.headers().containsKey("authorization")) {
                calls.add(request.method() + " " + request.url());
            }
        });
        return calls;
    }

    /** The failed sign-in page: the words, "Try again" focused, nothing in storage, the address clean. */
    static void assertFailedPage(Page page, String says, String screenshot, int width) {
        assertThat(page.locator("main.signin .notice[role=alert]")).containsText(says);
        assertThat(page.locator("main.signin button.provider-signin")).hasText("Try again");
        assertThat(page.locator("main.signin button.provider-signin")).isFocused();
        assertThat(page.locator("body[data-ready]")).hasCount(0);
        assertFalse(page.url().contains("code="), "the code is gone from the address");
        AppPage.of(page).assertNothingStored();
        AccessibilityIT.assertNoViolations(page, screenshot);
        WebApp.screenshot(page, screenshot + "-" + (width == 390 ? "390" : "desktop"));
    }

    /**
     * A tab signs in; the provider's answer (its address with the code, and the state the tab kept) is replayed in the
     * same tab once that sign-in is over. Keycloak refuses the code it already exchanged (invalid_grant), records
     * that, and the app shows its failed page holding nothing.
     */
    @Test
    void aReplayedCodeIsRefusedByTheProviderAndSignsNobodyIn(ProviderApp app) throws Exception {
        for (var width : List.of(390, 1280)) {
            try (var context = ProviderRefusalsIT.axeContext(app, width)) {
                var seen = new AtomicReference<Answer>();
                context.exposeBinding("careAnswerSeen", (source, args) -> {
                    seen.compareAndSet(null, Answer.of((String) args[0]));
                    return null;
                });
                context.addInitScript(answerWatch(false));
                var page = context.newPage();
                app.signIn(page, "dr.rivera", false);
                var answer = seen.get();
                assertTrue(answer.href().startsWith(app.base() + "#"), "the code came in the fragment: response_mode=fragment");
                assertEquals(1, answer.kept().size(), "one sign-in was pending");
                AppPage.of(page).assertNothingStored();

                var before = System.currentTimeMillis();
                page.evaluate("kept => Object.entries(kept).forEach(([k, v]) => sessionStorage.setItem(k, v))", answer.kept());
                page.navigate("about:blank");
                var calls = callsWithToken(page, app.base());
                var exchanges = new CopyOnWriteArrayList<Integer>();
                page.onResponse(response -> {
                    if (response.url().endsWith("/protocol/openid-connect/token")) {
                        exchanges.add(response.status());
                    }
                });
                page.navigate(answer.href());
                assertFailedPage(page, "This sign-in was already used or has expired. Nothing was kept", "provider-replayed-code", width);
                assertEquals(List.of(400), exchanges, "the used code was sent once more and the provider refused it");
                assertEquals(List.of(), calls, "the API was never called with a token");
                var refused = app.keycloak().events("CODE_TO_TOKEN_ERROR").stream()
                        .filter(e -> e.getJsonNumber("time").longValue() >= before).toList();
                assertEquals(1, refused.size(), "Keycloak recorded the refused exchange: " + refused);
                assertEquals(ProviderApp.PRACTITIONER_APP, refused.get(0).getString("clientId"));
                assertEquals("invalid_code", refused.get(0).getString("error"));
            }
        }
    }

    /** The tab's kept nonce is not the one the ID token carries: oidc-client-ts refuses the token; nothing signed in. */
    @Test
    void anIdTokenWithAnotherNonceSignsNobodyIn(ProviderApp app) {
        for (var width : List.of(390, 1280)) {
            try (var context = ProviderRefusalsIT.axeContext(app, width)) {
                var seen = new AtomicReference<Answer>();
                context.exposeBinding("careAnswerSeen", (source, args) -> {
                    seen.compareAndSet(null, Answer.of((String) args[0]));
                    return null;
                });
                context.addInitScript(answerWatch(true));
                var page = context.newPage();
                var calls = callsWithToken(page, app.base());
                var exchanges = new CopyOnWriteArrayList<Integer>();
                page.onResponse(response -> {
                    if (response.url().endsWith("/protocol/openid-connect/token")) {
                        exchanges.add(response.status());
                    }
                });
                var nonces = new CopyOnWriteArrayList<String>();
                page.onRequest(request -> {
                    if (request.url().startsWith(app.keycloak().issuer() + "/protocol/openid-connect/auth?")) {
                        nonces.add(java.net.URLDecoder.decode(request.url().replaceAll(".*[?&]nonce=([^&]*).*", "$1"), StandardCharsets.UTF_8));
                    }
                });
                ProviderApp.enterPassword(app.toProvider(page, true), "jordan.lee");
                assertFailedPage(page, "This sign-in could not be checked", "provider-wrong-nonce", width);
                assertEquals(1, seen.get().kept().size(), "the tab kept one sign-in, whose nonce was changed");
                var sent = json(seen.get().kept().values().iterator().next()).getString("nonce", "");
                assertTrue(sent.length() >= 32, "the sign-in was sent with a random nonce of its own");
                assertEquals(List.of(sent), nonces, "the provider was asked for an ID token with that nonce");
                assertEquals(List.of(200), exchanges, "the provider answered the code with tokens, which the app refused");
                assertEquals(List.of(), calls, "the API was never called with a token");
            }
        }
    }

    /**
     * The token endpoint's answer carries an ID token of another realm (another issuer), real and for the same client,
     * user name and nonce, in place of the care realm's: the app refuses it for its issuer, and nothing is signed in.
     */
    @Test
    void anIdTokenOfAnotherIssuerSignsNobodyIn(ProviderApp app) {
        var otherIssuer = app.keycloak().issuer(OTHER_REALM);
        for (var width : List.of(390, 1280)) {
            try (var context = ProviderRefusalsIT.axeContext(app, width)) {
                var page = context.newPage();
                var calls = callsWithToken(page, app.base());
                var swapped = new CopyOnWriteArrayList<Map<String, JsonObject>>();
                page.route(app.keycloak().issuer() + "/protocol/openid-connect/token", route -> swapIdToken(route, app, otherIssuer, swapped));
                ProviderApp.enterPassword(app.toProvider(page, false), "dr.rivera");
                assertFailedPage(page, "did not come from your organisation's sign-in for this app", "provider-other-issuer", width);
                assertEquals(1, swapped.size(), "one token answer, its ID token swapped");
                var ours = swapped.get(0).get("ours");
                var theirs = swapped.get(0).get("theirs");
                assertEquals(app.keycloak().issuer(), ours.getString("iss"));
                assertEquals(otherIssuer, theirs.getString("iss"));
                assertNotEquals(ours.getString("iss"), theirs.getString("iss"));
                // The subject differs too (Keycloak's user ids are unique across its realms), which the app does not check at sign-in.
                for (var same : List.of("aud", "azp", "nonce", "preferred_username")) {
                    assertEquals(ours.get(same), theirs.get(same), "the same client, nonce and user name: " + same);
                }
                assertEquals(List.of(), calls, "the API was never called with a token");
            }
        }
    }

    /** Fetches the real token answer and puts in its place an ID token the other realm issued for the same client, user and nonce. */
    static void swapIdToken(Route route, ProviderApp app, String otherIssuer, List<Map<String, JsonObject>> swapped) {
        try {
            var response = route.fetch();
            var tokens = json(response.text());
            var ours = claims(tokens.getString("id_token"));
            var other = KeycloakLogin.tokens(otherIssuer, ProviderApp.PRACTITIONER_APP, app.base(), "dr.rivera", ours.getString("nonce"));
            swapped.add(Map.of("ours", ours, "theirs", claims(other.getString("id_token"))));
            var body = Json.createObjectBuilder(tokens).add("id_token", other.getString("id_token")).build().toString();
            route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(body));
        } catch (Exception e) {
            route.abort();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonObject claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /**
     * A sign-in that names another address to come back to, for each app's client id: an attacker's site, and a near miss
     * under the app's own origin. Keycloak shows its own error page and never redirects; the realm registers exact
     * redirect URIs, so this stays so.
     */
    @Test
    void aRedirectAddressThatIsNotTheAppsIsRefusedByTheProvider(ProviderApp app) throws Exception {
        var origin = app.base().replaceAll("/messaging/$", "");
        var homes = Map.of(ProviderApp.PRACTITIONER_APP, app.home(false), ProviderApp.PORTAL, app.home(true));
        for (var client : homes.keySet()) {
            var registered = app.keycloak().client(client);
            assertEquals(List.of(homes.get(client)), registered.getJsonArray("redirectUris").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList(), "exactly the app's own address, no wildcard");
        }
        var width = 390;
        for (var client : homes.keySet()) {
            for (var elsewhere : List.of("https://attacker.example/", origin + "/messaging/evil/")) {
                try (var context = ProviderRefusalsIT.axeContext(app, width)) {
                    var page = context.newPage();
                    var left = new CopyOnWriteArrayList<String>();
                    page.onRequest(request -> {
                        if (!request.url().startsWith(app.keycloak().base())) {
                            left.add(request.url());
                        }
                    });
                    var before = System.currentTimeMillis();
                    var authorize = app.keycloak().issuer() + "/protocol/openid-connect/auth?client_id=" + client
                            + "&response_type=code&scope=openid&response_mode=fragment&state=s1&nonce=n1"
                            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                            + "&redirect_uri=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8);
                    var shown = page.navigate(authorize);
                    assertEquals(400, shown.status(), "Keycloak answers with its error page");
                    assertThat(page.locator("body")).containsText("Invalid parameter: redirect_uri");
                    assertThat(page.locator("#kc-form-login")).hasCount(0);
                    assertTrue(page.url().startsWith(app.keycloak().base()), "still on the provider: " + page.url());
                    assertEquals(List.of(), left, "nothing was requested anywhere but the provider");
                    var logged = app.keycloak().events("LOGIN_ERROR").stream()
                            .filter(e -> e.getJsonNumber("time").longValue() >= before && client.equals(e.getString("clientId", "")))
                            .toList();
                    assertEquals(1, logged.size(), "Keycloak recorded the refusal: " + logged);
                    assertEquals("invalid_redirect_uri", logged.get(0).getString("error"));
                    if (client.equals(ProviderApp.PRACTITIONER_APP) && elsewhere.startsWith("https:")) {
                        WebApp.screenshot(page, "provider-foreign-redirect-390");
                        page.setViewportSize(1280, 800);
                        WebApp.screenshot(page, "provider-foreign-redirect-desktop");
                    }
                }
            }
        }
    }
}
