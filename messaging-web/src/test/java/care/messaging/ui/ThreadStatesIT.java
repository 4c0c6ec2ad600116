package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.json.Json;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thread in the states the help page walks through, at a phone's, a tablet's and a desktop's width:
 * an announcement from a practitioner with a long messaging name keeps sender and time on one line each;
 * the portal opening a client's only conversation by itself draws no focus box on the name (keyboard users
 * still get their ring); the practice's banner never pushes the last message under the composer; and a
 * conversation without messages says what to do, in both apps. Dr. Okafor's messaging name is set back
 * afterwards, the practice's messaging switched back on; Quinn Avery is used by no other browser test.
 */
@ExtendWith(WebApp.class)
class ThreadStatesIT {

    static final int[] WIDTHS = {390, 768, 1366};
    /** Fits beside the time in a phone's bubble, but not with the Announcement label as well. */
    static final String LONG_SENDER = "Dr. Ngozi Okafor, Psychologist";

    @Test
    void anAnnouncementKeepsSenderAndTimeOnOneLineEach(WebApp app) {
        var okafor = app.token("dr.okafor");
        ThreadHeaderIT.messagingName(app, okafor, LONG_SENDER);
        var text = "The practice closes at noon on Friday " + UUID.randomUUID();
        try {
            var robinId = app.json(okafor, "GET", "conversations/" + app.conversationWith(okafor, "Robin Hale"), null)
                    .getJsonObject("counterpart").getString("id");
            app.json(okafor, "POST", "announcements", Json.createObjectBuilder().add("announcementId", UUID.randomUUID().toString())
                    .add("html", "<p>" + text + "</p>").add("clientIds", Json.createArrayBuilder().add(robinId)).build().toString());
        } finally {
            ThreadHeaderIT.messagingName(app, okafor, null);
        }
        for (var width : WIDTHS) {
            try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                var robin = app.signIn(context, "robin.hale");
                var message = robin.message(text);
                assertThat(message.locator(".sender")).hasText(LONG_SENDER);
                assertThat(message.locator(".announcement-label")).isVisible();
                assertOneLineEach(message, width);
                WebApp.screenshot(robin.page(), "announcement-meta-portal-" + width);
                var practitioner = app.signIn(context, "dr.okafor").open("Robin Hale");
                assertOneLineEach(practitioner.message(text), width);
                WebApp.screenshot(practitioner.page(), "announcement-meta-practitioner-" + width);
            }
        }
    }

    @Test
    void theNameOfAThreadOpenedByItselfHasNoFocusBoxButKeyboardUsersGetTheirRing(WebApp app) {
        for (var width : WIDTHS) {
            try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                // Signed in by a click no key or pointer made (as a return from the identity provider is):
                // the page opens the thread before the user has pressed a key or a pointer, which is when
                // Chromium would draw a ring on a heading a script focuses.
                var page = context.newPage();
                page.navigate(app.base() + "portal/");
                page.locator("button.demo-user[data-username='jordan.lee']").dispatchEvent("click");
                var jordan = AppPage.of(page);
                jordan.awaitReady();
                assertThat(jordan.threadTitle()).hasText("Dr. Maria Rivera");
                assertEquals("none", outline(jordan.page(), "document.activeElement"), width + " px: a ring on what has focus");
                assertEquals("none", outline(jordan.page(), "document.getElementById('thread-title')"), width + " px: a ring on the name");
                WebApp.screenshot(jordan.page(), "portal-opened-" + width);
            }
        }
        try (var context = app.context()) {
            var rivera = app.signIn(context, "dr.rivera");
            rivera.open("Sam Lee"); // with the mouse: the name takes focus, for screen readers, without a ring
            assertThat(rivera.threadTitle()).isFocused();
            assertEquals("none", outline(rivera.page(), "document.activeElement"));
            rivera.conversation("Alex Morgan").focus();
            rivera.page().keyboard().press("Tab");
            rivera.page().keyboard().press("Shift+Tab");
            assertThat(rivera.conversation("Alex Morgan")).isFocused();
            rivera.page().keyboard().press("Enter");
            assertThat(rivera.threadTitle()).hasText("Alex Morgan");
            assertThat(rivera.threadTitle()).isFocused();
            assertEquals("solid", outline(rivera.page(), "document.activeElement"), "by keyboard, the ring shows where focus went");
        }
    }

    @Test
    void thePracticeBannerNeverPushesTheLastMessageUnderTheComposer(WebApp app) {
        var admin = app.token("admin.park");
        var alex = app.token("alex.morgan");
        var conversation = app.conversationWith(alex, "Dr. Maria Rivera");
        for (var i = 0; i < 15; i++) {
            app.send(alex, conversation, "<p>A line to fill the thread, number " + i + "</p>");
        }
        var last = "The last message before the banner " + UUID.randomUUID();
        app.send(alex, conversation, "<p>" + last + "</p>");
        for (var width : WIDTHS) {
            try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 800))) {
                var rivera = app.signIn(context, "dr.rivera").open("Alex Morgan");
                var page = rivera.page();
                assertThat(rivera.message(last)).isVisible();
                awaitShownInFull(page, last);
                app.json(admin, "PUT", "admin/practice/messaging", "{\"enabled\":false}");
                assertThat(page.locator(".practice-banner")).isVisible();
                assertThat(page.locator(".composer-locked")).isVisible();
                awaitShownInFull(page, last);
                WebApp.screenshot(page, "practice-banner-" + width);
            } finally {
                app.call(admin, "PUT", "admin/practice/messaging", "{\"enabled\":true}");
            }
        }
    }

    @Test
    void aConversationWithoutMessagesSaysWhatToDoInBothApps(WebApp app) {
        try (var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900)); var phone = app.phone()) {
            var chen = app.signIn(desk, "dr.chen");
            var page = chen.page();
            page.locator("button.new-conversation").click();
            page.locator("#client-search").fill("Quinn");
            page.locator("dialog.picker button.client", new Page.LocatorOptions().setHasText("Quinn Avery")).click();
            assertThat(chen.threadTitle()).hasText("Quinn Avery");
            var practitionerEmpty = page.locator(".thread-empty");
            assertThat(practitionerEmpty).hasText("No messages yet. Write the first message below and press Send.");
            WebApp.screenshot(page, "empty-thread-practitioner-1366");

            var quinn = app.signIn(phone, "quinn.avery");
            assertThat(quinn.threadTitle()).hasText("Dr. Wei Chen");
            var portalEmpty = quinn.page().locator(".thread-empty");
            assertThat(portalEmpty).hasText("No messages yet. Write your first message below and press Send.");
            WebApp.screenshot(quinn.page(), "empty-thread-portal-390");
            for (var width : new int[] {768, 1366}) {
                try (var wide = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                    var there = app.signIn(wide, "quinn.avery");
                    assertThat(there.page().locator(".thread-empty")).isVisible();
                    WebApp.screenshot(there.page(), "empty-thread-portal-" + width);
                }
            }

            var first = "Hello Dr. Chen, thank you for taking me on " + UUID.randomUUID();
            quinn.send(first);
            assertThat(quinn.message(first)).hasCount(1);
            assertThat(portalEmpty).isHidden();
            chen.open("Quinn Avery");
            assertThat(chen.message(first)).hasCount(1);
            assertThat(practitionerEmpty).isHidden();
        }
    }

    /** The message's bottom is within the scroller's box (shown in full above the composer), waited for. */
    static void awaitShownInFull(Page page, String text) {
        page.waitForFunction("""
                text => { const scroller = document.querySelector('.thread .scroller').getBoundingClientRect();
                  const m = [...document.querySelectorAll('ol.messages li.message')].find(e => e.textContent.includes(text));
                  const composer = document.querySelector('.thread .composer').getBoundingClientRect();
                  if (!m) return false;
                  const r = m.getBoundingClientRect();
                  return r.top >= scroller.top - 1 && r.bottom <= scroller.bottom + 1 && r.bottom <= composer.top + 1; }""", text);
    }

    static String outline(Page page, String element) {
        return (String) page.evaluate("() => { const e = " + element + "; return getComputedStyle(e).outlineStyle; }");
    }

    /** Sender and time are each one line of text, side by side; the label does not cover them. */
    @SuppressWarnings("unchecked")
    static void assertOneLineEach(Locator message, int width) {
        var meta = (Map<String, Object>) message.evaluate("""
                m => { const lines = e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; };
                  const box = e => e.getBoundingClientRect();
                  const sender = m.querySelector('.sender'), time = m.querySelector('.meta time'), label = m.querySelector('.announcement-label');
                  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                  return {senderLines: lines(sender), timeLines: lines(time), sameLine: Math.abs(box(sender).top - box(time).top) < 2,
                    covered: overlap(box(label), box(sender)) || overlap(box(label), box(time))}; }""");
        assertEquals(1, ((Number) meta.get("senderLines")).intValue(), width + " px: " + meta);
        assertEquals(1, ((Number) meta.get("timeLines")).intValue(), width + " px: " + meta);
        assertTrue(Boolean.TRUE.equals(meta.get("sameLine")), width + " px: sender and time side by side: " + meta);
        assertTrue(Boolean.FALSE.equals(meta.get("covered")), width + " px: " + meta);
    }
}
