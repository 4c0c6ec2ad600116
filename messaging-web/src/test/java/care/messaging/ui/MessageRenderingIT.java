package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Route;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rendering never executes message content. The payloads reach the thread three ways: typed into the
 * editor (they must show as the text typed), sent as HTML through the API (the server's sanitizer has
 * had them), and injected raw into the API's answer on the way to the browser, as if the server's
 * sanitizer had missed them: the browser's own allowlist must hold then too.
 */
@ExtendWith(WebApp.class)
class MessageRenderingIT {

    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss = 'script'</script>",
            "<img src=x onerror=\"window.__xss = 'img'\">",
            "<svg onload=\"window.__xss = 'svg'\"></svg>",
            "<iframe srcdoc=\"<script>parent.__xss = 'iframe'</script>\"></iframe>",
            "<a href=\"javascript:window.__xss = 'link'\">javascript link</a>",
            "<a href=\" JaVaScRiPt:window.__xss = 'spaced'\">spaced link</a>",
            "<p onclick=\"window.__xss = 'handler'\" onmouseover=\"window.__xss = 'over'\">handler paragraph</p>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss = 'mxss'\"></style></mglyph></table></mtext></math>",
            "<form action=\"javascript:window.__xss = 'form'\"><button>form button</button></form>",
            "<object data=\"javascript:window.__xss = 'object'\"></object>",
            "<div style=\"background:url(javascript:window.__xss = 'style')\">styled</div>",
            "<details open ontoggle=\"window.__xss = 'details'\">details</details>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">data link</a>",
            "<b>bold survives</b> <a href=\"https://example.org/care\">safe link</a>");

    @Test
    void payloadsTypedIntoTheEditorShowAsTheirText(WebApp app) {
        try (var browser = app.context()) {
            var rivera = app.signIn(browser, "dr.rivera").open("Casey Diaz");
            var dialogs = watchDialogs(rivera);
            var marker = UUID.randomUUID().toString();
            var typed = "<img src=x onerror=\"window.__xss = 'typed'\"> <script>window.__xss = 'typed'</script> " + marker;
            rivera.send(typed);
            var shown = rivera.message(marker);
            assertThat(shown.locator(".status")).hasText("Sent");
            assertThat(shown.locator(".body")).hasText(typed);
            assertInert(rivera, dialogs);
        }
    }

    @Test
    void payloadsSentThroughTheApiRenderInert(WebApp app) {
        var token = app.token("dr.rivera");
        var conversation = app.conversationWith(token, "Casey Diaz");
        var marker = UUID.randomUUID().toString();
        for (var payload : PAYLOADS) {
            app.send(token, conversation, "<p>" + marker + "</p>" + payload);
        }
        try (var browser = app.context()) {
            var rivera = app.signIn(browser, "dr.rivera");
            var dialogs = watchDialogs(rivera);
            rivera.open("Casey Diaz");
            assertThat(rivera.message(marker)).hasCount(PAYLOADS.size());
            clickEverything(rivera, marker);
            assertInert(rivera, dialogs);
            assertThat(rivera.message("bold survives").locator(".body b")).hasText("bold survives");
            assertThat(rivera.message("bold survives").locator(".body a")).hasAttribute("href", "https://example.org/care");
        }
    }

    @Test
    void payloadsTheServerMissedAreStillInertInTheBrowser(WebApp app) {
        var token = app.token("dr.rivera");
        var conversation = app.conversationWith(token, "Casey Diaz");
        var marker = UUID.randomUUID().toString();
        app.send(token, conversation, "<p>" + marker + "</p>");
        try (var browser = app.context()) {
            var page = browser.newPage();
            // Replace the marker message's HTML in the API's answer with the raw payloads, unsanitized.
            page.route("**/api/conversations/" + conversation + "/messages?*", route -> inject(route, marker));
            var rivera = app.signIn(page, "dr.rivera");
            var dialogs = watchDialogs(rivera);
            rivera.open("Casey Diaz");
            assertThat(rivera.message("handler paragraph")).hasCount(1);
            clickEverything(rivera, "handler paragraph");
            assertInert(rivera, dialogs);
            var body = rivera.message("handler paragraph").locator(".body");
            assertThat(body.locator("b")).hasText("bold survives");
            assertThat(body).containsText("javascript link");
            WebApp.screenshot(rivera.page(), "message-rendering-raw-payloads");
        }
    }

    static void inject(Route route, String marker) {
        var response = route.fetch();
        var raw = String.join("", PAYLOADS);
        try (var reader = Json.createReader(new StringReader(response.text()))) {
            var out = Json.createArrayBuilder();
            for (var m : reader.readArray().getValuesAs(JsonObject.class)) {
                out.add(!m.isNull("html") && m.getString("html").contains(marker)
                        ? Json.createObjectBuilder(m).add("html", raw).build() : m);
            }
            route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(out.build().toString()));
        }
    }

    static List<String> watchDialogs(AppPage app) {
        var dialogs = new ArrayList<String>();
        app.page().onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        return dialogs;
    }

    /** Clicks and hovers every element of the messages holding the text (links that go nowhere unsafe). */
    static void clickEverything(AppPage app, String text) {
        var elements = app.message(text).locator(".body *");
        for (var i = 0; i < elements.count(); i++) {
            var element = elements.nth(i);
            var href = element.getAttribute("href");
            if (href != null && href.startsWith("https:")) {
                continue; // a real link opens a new tab; nothing to prove there
            }
            element.hover();
            element.click(new com.microsoft.playwright.Locator.ClickOptions().setForce(true));
        }
    }

    static void assertInert(AppPage app, List<String> dialogs) {
        assertEquals(List.of(), dialogs, "no dialog opened");
        assertEquals(null, app.page().evaluate("() => window.__xss ?? null"), "no payload ran");
        var dangerous = app.page().evaluate("""
                () => [...document.querySelectorAll('ol.messages .body *')].filter(e =>
                    ['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'MATH', 'DETAILS', 'DIV', 'BUTTON']
                        .includes(e.tagName.toUpperCase())
                    || [...e.attributes].some(a => a.name.startsWith('on') || a.name === 'style' || a.name === 'srcdoc'
                        || (a.name === 'href' && !/^(https?:|mailto:)/i.test(a.value))))
                  .map(e => e.outerHTML.slice(0, 120))""");
        assertEquals(List.of(), dangerous, "nothing executable or styled in the thread");
        assertTrue(app.page().url().contains("/messaging/"), "still on the app");
    }
}
