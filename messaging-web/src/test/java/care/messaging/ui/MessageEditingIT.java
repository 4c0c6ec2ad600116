package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writing and managing messages: addresses typed into the editor become links there (http and https
 * only, rendered with rel="noopener noreferrer" and target _blank, kept by the server); a bulleted list
 * looks the same in the thread as in the editor; the emoji picker has categories and a search, with its
 * data from this server and nothing kept in the browser; and one's own message has a menu (⋯) that holds
 * Delete, shown on hover or focus with a mouse and always on a phone, after which the receipt stays readable.
 */
@ExtendWith(WebApp.class)
class MessageEditingIT {

    @Test
    void typedWebAddressesBecomeLinksAndOtherSchemesStayText(WebApp app) {
        var token = app.token("dr.rivera");
        var conversation = app.conversationWith(token, "Sam Lee");
        try (var browser = app.context(); var other = app.context()) {
            var rivera = app.signIn(browser, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(other, "jordan.lee");
            var page = rivera.page();
            var marker = "Links " + UUID.randomUUID();
            rivera.editor().click();
            page.keyboard().type(marker + " read https://example.org/guide. ");
            // Linked in the editor as soon as the address is finished, before anything is sent.
            assertThat(rivera.editor().locator("a")).hasAttribute("href", "https://example.org/guide");
            page.keyboard().type("Also www.example.com/care and javascript:alert(1) and ftp://example.org/file and http://example.net/last");
            page.keyboard().press("Control+Enter");

            var links = jordan.message(marker).locator(".body a");
            assertThat(links).hasText(new String[] {"https://example.org/guide", "www.example.com/care", "http://example.net/last"});
            assertEquals(List.of("https://example.org/guide", "https://www.example.com/care", "http://example.net/last"),
                    links.evaluateAll("as => as.map(a => a.getAttribute('href'))"));
            for (var i = 0; i < 3; i++) {
                assertThat(links.nth(i)).hasAttribute("rel", "noopener noreferrer");
                assertThat(links.nth(i)).hasAttribute("target", "_blank");
            }
            assertThat(jordan.message(marker).locator(".body")).containsText("javascript:alert(1) and ftp://example.org/file");
            var stored = app.messagesContaining(token, conversation, marker).get(0).getString("html");
            assertTrue(stored.contains("<a href=\"https://www.example.com/care\""), stored);
            assertTrue(!stored.contains("javascript:alert(1)</a>") && !stored.contains("href=\"ftp:"), stored);
            WebApp.screenshot(jordan.page(), "typed-links");
        }
    }

    @Test
    void aBulletedListLooksInTheThreadAsItDidInTheEditor(WebApp app) {
        for (var width : new int[] {390, 1366}) {
            try (var browser = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                var rivera = app.signIn(browser, "dr.rivera").open("Sam Lee");
                var page = rivera.page();
                var marker = "Plan " + UUID.randomUUID();
                rivera.editor().click();
                page.keyboard().type(marker);
                page.keyboard().press("Enter");
                page.locator("button.ql-list[value='bullet']").click();
                page.keyboard().type("first point");
                page.keyboard().press("Enter");
                page.keyboard().type("second point");
                var inEditor = layout(rivera.editor(), "li > .ql-ui");
                WebApp.screenshot(page, "bullets-editor-" + width);
                page.keyboard().press("Control+Enter");
                // Once the server has answered: the outbox's copy is replaced by the message as sent.
                assertThat(rivera.message(marker).locator(".status")).hasText(java.util.regex.Pattern.compile("^(Sent|Read )"));
                var sent = rivera.message(marker).locator(".body");
                assertThat(sent.locator("li")).hasText(new String[] {"first point", "second point"});
                var inThread = layout(sent, "li");
                assertEquals(inEditor.get("bullet"), inThread.get("bullet"), width + " px: the bullet");
                for (var key : List.of("indent", "gap", "size")) {
                    assertEquals(((Number) inEditor.get(key)).doubleValue(), ((Number) inThread.get(key)).doubleValue(), 1.0,
                            width + " px: " + key + " in the editor " + inEditor + ", in the thread " + inThread);
                }
                WebApp.screenshot(page, "bullets-sent-" + width);
            }
        }
    }

    @Test
    void theEmojiPickerHasCategoriesAndASearchServedFromThisServer(WebApp app) {
        for (var width : new int[] {390, 1366}) {
            try (var browser = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                var page = browser.newPage();
                var elsewhere = new CopyOnWriteArrayList<String>();
                page.onRequest(request -> {
                    // blob: URLs of this origin hold bytes fetched from this server (a thread's pictures).
                    if (!request.url().startsWith(app.base()) && !request.url().startsWith("data:")
                            && !request.url().startsWith("blob:" + java.net.URI.create(app.base()).resolve("/"))) {
                        elsewhere.add(request.url());
                    }
                });
                var rivera = app.signIn(page, "dr.rivera").open("Sam Lee");
                rivera.editor().click();
                page.locator("button.emoji-toggle").click();
                var panel = page.locator(".emoji-panel");
                var tabs = panel.getByRole(AriaRole.TAB);
                assertThat(tabs).hasCount(10);
                assertThat(tabs.first()).hasAttribute("aria-selected", "true");
                assertThat(tabs.first()).hasAccessibleName("Suggested");
                var food = panel.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Food and drink"));
                food.click();
                assertThat(food).hasAttribute("aria-selected", "true");
                assertThat(panel.getByRole(AriaRole.TABPANEL)).hasAccessibleName("Food and drink");
                assertThat(panel.locator("button.emoji[aria-label='pizza']")).isVisible();
                assertTrue(panel.locator("button.emoji").count() > 50, "the whole category");
                WebApp.screenshot(page, "emoji-category-" + width);

                // A letter typed in the grid goes on into the search.
                panel.locator("button.emoji").first().focus();
                page.keyboard().type("tea");
                assertThat(panel.getByLabel("Search emoji")).hasValue("tea");
                assertThat(panel.locator("button.emoji[aria-label='teacup without handle']")).isVisible();
                panel.getByLabel("Search emoji").fill("pizz");
                assertThat(panel.locator("button.emoji").first()).hasAttribute("aria-label", "pizza");
                WebApp.screenshot(page, "emoji-search-" + width);
                page.keyboard().press("Enter");
                assertThat(panel).isHidden();
                assertThat(rivera.editor()).containsText("🍕");
                page.locator("button.emoji-toggle").click();
                panel.getByLabel("Search emoji").fill("zzzqqq");
                assertThat(panel.locator(".emoji-status")).hasText("No emoji found.");
                page.keyboard().press("Escape");
                assertThat(page.locator("button.emoji-toggle")).isFocused();

                assertEquals(List.of(), elsewhere, "nothing comes from anywhere but this server");
                rivera.assertNothingStored();
                assertEquals(0, ((Number) page.evaluate("async () => (await indexedDB.databases()).length")).intValue(),
                        "no IndexedDB either");
            }
        }
    }

    @Test
    void oneOwnMessageHasAMenuThatDeletesAndTheReceiptStaysReadable(WebApp app) {
        try (var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900)); var family = app.context()) {
            var rivera = app.signIn(desk, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(family, "jordan.lee");
            var text = "Meant for another family " + UUID.randomUUID();
            rivera.send(text);
            assertThat(jordan.message(text)).hasCount(1);
            var mine = rivera.message(text);
            assertThat(mine.locator(".status")).hasText(java.util.regex.Pattern.compile("^Read "));
            var menu = mine.locator("button.message-menu");
            // With a mouse: out of sight until the message is hovered or the button has focus.
            rivera.page().mouse().move(0, 0);
            assertThat(menu).hasCSS("opacity", "0");
            mine.hover();
            assertThat(menu).hasCSS("opacity", "1");
            rivera.page().mouse().move(0, 0);
            menu.focus();
            assertThat(menu).hasCSS("opacity", "1");
            assertThat(menu).hasAttribute("aria-haspopup", "menu");
            rivera.page().keyboard().press("Enter");
            var delete = mine.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Delete"));
            assertThat(delete).isFocused();
            assertInView(rivera.page(), mine.getByRole(AriaRole.MENU), ".thread .scroller");
            WebApp.screenshot(rivera.page(), "message-menu-1366");
            // The id is read before the delete: once deleted, the message no longer has its text to be found by.
            var id = mine.getAttribute("data-id");
            rivera.page().keyboard().press("Enter");
            rivera.page().locator("dialog.confirm button.confirm-delete").click();
            var deleted = rivera.page().locator("li.message[data-id='" + id + "']");
            assertThat(deleted.locator(".deleted")).hasText("Message deleted");
            assertThat(deleted.locator("button.message-menu")).hasCount(0);
            assertThat(deleted.locator(".status")).hasText(java.util.regex.Pattern.compile("^Read "));
            assertReadable(rivera.page(), deleted);
            WebApp.screenshot(rivera.page(), "message-deleted-receipt-1366");
            assertThat(jordan.page().locator("li.message[data-id='" + id + "'] .deleted")).hasText("Message deleted");
            assertThat(jordan.page().locator("li.message.theirs button.message-menu")).hasCount(0);
        }
        for (var width : new int[] {390, 768}) {
            try (var phone = app.context(new Browser.NewContextOptions().setViewportSize(width, 844).setIsMobile(true).setHasTouch(true))) {
                var rivera = app.signIn(phone, "dr.rivera").open("Sam Lee");
                var text = "From a phone " + UUID.randomUUID();
                rivera.send(text);
                var menu = rivera.message(text).locator("button.message-menu");
                // A touch screen has no hover: the ⋯ is always there to tap.
                assertThat(menu).hasCSS("opacity", "1");
                menu.tap();
                assertThat(rivera.message(text).getByRole(AriaRole.MENUITEM)).hasText(new String[] {"Delete"});
                WebApp.screenshot(rivera.page(), "message-menu-" + width);
            }
        }
    }

    /** Where the list's bullet is, how far its text is indented, the gap above it and the text's size. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> layout(Locator container, String bulletOf) {
        return (Map<String, Object>) container.evaluate("""
                (box, bulletOf) => {
                  const li = box.querySelector('li');
                  const text = [...li.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                  const range = document.createRange();
                  range.selectNodeContents(text);
                  const style = getComputedStyle(box);
                  const contentLeft = box.getBoundingClientRect().left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
                  const above = li.parentElement.previousElementSibling;
                  return {
                    bullet: getComputedStyle(box.querySelector(bulletOf), '::before').content,
                    indent: range.getBoundingClientRect().left - contentLeft,
                    gap: li.getBoundingClientRect().top - above.getBoundingClientRect().bottom,
                    size: parseFloat(getComputedStyle(li).fontSize),
                  };
                }""", bulletOf);
    }

    static void assertInView(Page page, Locator element, String scroller) {
        var inside = (Boolean) element.evaluate("(e, s) => { const r = e.getBoundingClientRect(), b = document.querySelector(s).getBoundingClientRect();"
                + " return r.top >= b.top && r.bottom <= b.bottom; }", scroller);
        assertTrue(inside, "the open menu is not cut off by the thread's edge");
    }

    /** The receipt is inside its bubble, on a line of its own below "Message deleted", not covered by it. */
    static void assertReadable(Page page, Locator message) {
        var ok = (Boolean) message.evaluate("""
                m => { const b = m.getBoundingClientRect(), s = m.querySelector('.status').getBoundingClientRect(),
                  d = m.querySelector('.deleted').getBoundingClientRect();
                  return s.height > 0 && s.top >= d.bottom - 0.5 && s.left >= b.left && s.right <= b.right && s.bottom <= b.bottom; }""");
        assertTrue(ok, "the receipt is readable under \"Message deleted\"");
    }
}
