package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Usable by keyboard alone, labelled controls and AA contrast (checked with axe-core, WCAG 2 A and AA
 * rules), and a live region that announces new messages.
 */
@ExtendWith(WebApp.class)
class AccessibilityIT {

    static final String AXE = axe();

    @Test
    void theMainScreensPassAxeAtWcagAA(WebApp app) {
        // axe is injected as an inline script, which the app's CSP rightly refuses: this context bypasses it.
        try (var browser = app.context(new Browser.NewContextOptions().setBypassCSP(true));
             var phone = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(390, 844))) {
            var page = browser.newPage();
            page.navigate(app.base());
            page.locator("button.demo-user").first().waitFor();
            assertNoViolations(page, "sign-in page");
            WebApp.screenshot(page, "signin");
            var rivera = app.signIn(page, "dr.rivera");
            assertNoViolations(page, "inbox");
            rivera.open("Alex Morgan");
            assertThat(rivera.messages().first()).isVisible();
            assertNoViolations(page, "thread");
            page.locator("button.message-menu").last().click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Delete"))).isFocused();
            assertNoViolations(page, "a message's menu");
            page.keyboard().press("Escape");
            page.locator("button.emoji-toggle").click();
            assertNoViolations(page, "emoji picker");
            page.locator(".emoji-panel").getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Animals and nature")).click();
            page.locator(".emoji-panel button.emoji").nth(20).waitFor();
            assertNoViolations(page, "emoji picker, a category");
            page.getByLabel("Search emoji").fill("heart");
            assertNoViolations(page, "emoji picker, searching");
            page.keyboard().press("Escape");
            page.locator("button.new-announcement").click();
            var announcement = page.locator("dialog.announcement");
            announcement.getByLabel("Add clients").fill("Casey");
            announcement.locator("button.add-recipient").first().click();
            assertThat(announcement.locator(".recipients li")).hasCount(1);
            assertNoViolations(page, "new announcement");
            announcement.locator("button.secondary:text-is('Close')").click();

            var portal = app.signIn(phone.newPage(), "jordan.lee");
            assertThat(portal.messages().first()).isVisible();
            assertNoViolations(portal.page(), "portal on a phone");
            portal.page().locator(".thread-menu").click();
            assertThat(portal.page().getByRole(com.microsoft.playwright.options.AriaRole.MENUITEM).first()).isFocused();
            assertNoViolations(portal.page(), "the thread's actions menu on a phone");
        }
    }

    @Test
    void aPractitionerReadsAndAnswersWithTheKeyboardAlone(WebApp app) {
        try (var browser = app.context()) {
            var page = browser.newPage();
            page.navigate(app.base());
            // The picker focuses the first demo user; Tab through to dr.rivera.
            tabUntil(page, "document.activeElement?.dataset?.username === 'dr.rivera'");
            page.keyboard().press("Enter");
            AppPage.of(page).awaitReady();
            tabUntil(page, "document.activeElement?.matches?.('button.conversation') && document.activeElement.textContent.includes('Alex Morgan')");
            page.keyboard().press("Enter");
            assertThat(page.locator("#thread-title")).hasText("Alex Morgan");
            assertThat(page.locator("#thread-title")).isFocused();
            tabUntil(page, "document.activeElement?.classList?.contains('ql-editor')");
            var text = "Typed without a mouse " + UUID.randomUUID();
            page.keyboard().type(text);
            page.keyboard().press("Control+Enter");
            var app1 = AppPage.of(page);
            assertThat(app1.message(text).locator(".status")).hasText(java.util.regex.Pattern.compile("^(Sent|Read )"));
            // Tab leaves the editor instead of typing a tab into the message.
            page.keyboard().press("Tab");
            assertTrue((Boolean) page.evaluate("() => !document.activeElement.classList.contains('ql-editor')"), "Tab left the editor");

            // A message from the client is announced to screen readers.
            var client = app.token("alex.morgan");
            app.send(client, app.conversationWith(client, "Dr. Maria Rivera"), "<p>Announced " + UUID.randomUUID() + "</p>");
            assertThat(page.locator("#announcer")).hasText("New message from Alex Morgan");
        }
    }

    static void tabUntil(Page page, String condition) {
        for (var i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(page.evaluate("() => Boolean(" + condition + ")"))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached: " + condition);
    }

    @SuppressWarnings("unchecked")
    static void assertNoViolations(Page page, String screen) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        var violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
                    .violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))""");
        assertEquals(List.of(), violations, screen + ": axe-core violations");
    }

    static String axe() {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe-core-4.11.4/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
