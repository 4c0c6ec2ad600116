package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thread's header at a phone's, a tablet's and a desktop's width: the counterpart's name keeps room
 * to be read (cut with an ellipsis where it must be, the full name in its tooltip) and never runs under
 * the conversation's actions, which move into a "⋯" menu button where a row of buttons does not fit.
 * The menu is a real one: opened and walked by keyboard, closed by Escape with focus back on its button,
 * and its actions do what the buttons do. Dr. Okafor and Robin Hale are used by no other browser test;
 * Dr. Okafor's long messaging name is set back afterwards.
 */
@ExtendWith(WebApp.class)
class ThreadHeaderIT {

    static final String LONG_NAME = "Dr. Ngozi Okafor-Adebayo, Consultant in Clinical and Counselling Psychology";
    /** However narrow the header, the name box shows at least this many of the name's characters. */
    static final int READABLE_CHARACTERS = 8;
    static final int[] WIDTHS = {390, 768, 1366};
    /** Where the thread is narrower than its name and a row of buttons, the actions are in the menu. */
    static final int WIDEST_WITH_MENU = 768;

    @Test
    void theNameAndTheActionsNeverOverlapOnAPhoneATabletOrADesktop(WebApp app) {
        var okafor = app.token("dr.okafor");
        messagingName(app, okafor, LONG_NAME);
        try {
            for (var width : WIDTHS) {
                try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                    var practitioner = app.signIn(context, "dr.okafor").open("Robin Hale");
                    assertHeader(practitioner, width, List.of("Mark as unread", "Archive", "Client settings"));
                    WebApp.screenshot(practitioner.page(), "thread-header-practitioner-" + width);

                    var client = app.signIn(context, "robin.hale");
                    assertThat(client.threadTitle()).hasText(LONG_NAME);
                    assertThat(client.threadTitle()).hasAttribute("title", LONG_NAME);
                    var header = assertHeader(client, width, List.of("Mark as unread", "Archive"));
                    if (width <= WIDEST_WITH_MENU) {
                        assertTrue(Boolean.TRUE.equals(header.get("truncated")), width + " px: the long name is cut");
                    }
                    WebApp.screenshot(client.page(), "thread-header-portal-" + width);
                }
            }
        } finally {
            messagingName(app, okafor, null);
        }
    }

    @Test
    void theOverflowMenuIsAMenuButtonAndItsActionsWork(WebApp app) {
        try (var phone = app.context(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            var okafor = app.signIn(phone, "dr.okafor").open("Robin Hale");
            var page = okafor.page();
            var button = page.locator(".thread-menu");
            var menu = page.getByRole(AriaRole.MENU, new Page.GetByRoleOptions().setName("Conversation actions"));
            var items = menu.getByRole(AriaRole.MENUITEM);
            assertThat(button).hasAccessibleName("Conversation actions");
            assertThat(button).hasAttribute("aria-haspopup", "menu");
            assertThat(button).hasAttribute("aria-expanded", "false");
            assertThat(menu).isHidden();

            // By keyboard: Enter opens it on the first item, the arrows move (and wrap), Escape closes it.
            button.focus();
            page.keyboard().press("Enter");
            assertThat(button).hasAttribute("aria-expanded", "true");
            assertThat(items).hasText(new String[] {"Mark as unread", "Archive", "Client settings"});
            assertThat(items.nth(0)).isFocused();
            page.keyboard().press("ArrowDown");
            assertThat(items.nth(1)).isFocused();
            page.keyboard().press("ArrowUp");
            page.keyboard().press("ArrowUp");
            assertThat(items.nth(2)).isFocused();
            WebApp.screenshot(page, "thread-menu-open-390");
            page.keyboard().press("Escape");
            assertThat(menu).isHidden();
            assertThat(button).hasAttribute("aria-expanded", "false");
            assertThat(button).isFocused();
            // A press anywhere else closes it too.
            button.click();
            assertThat(menu).isVisible();
            page.locator(".thread .scroller").click();
            assertThat(menu).isHidden();

            // Client settings opens the client's dialog; closing it gives focus back to the menu's button.
            choose(page, button, "Client settings");
            assertThat(page.locator("dialog[open]")).containsText("Robin Hale");
            page.keyboard().press("Escape");
            assertThat(page.locator("dialog[open]")).hasCount(0);
            assertThat(button).isFocused();

            // Archive, then Move to inbox from the archive.
            choose(page, button, "Archive");
            assertThat(page.locator("#thread")).isHidden();
            assertThat(okafor.conversation("Robin Hale")).hasCount(0);
            page.locator("button.folder-archive").click();
            okafor.open("Robin Hale");
            button.click();
            assertThat(items).hasText(new String[] {"Mark as unread", "Move to inbox", "Client settings"});
            items.filter(new Locator.FilterOptions().setHasText("Move to inbox")).click();
            assertThat(menu).isHidden();
            assertThat(page.locator("#announcer")).hasText("Conversation moved to the inbox");
            button.click();
            assertThat(items).hasText(new String[] {"Mark as unread", "Archive", "Client settings"});
            page.keyboard().press("Escape");
            page.locator(".thread .back").click();
            page.locator("button.folder-inbox").click();
            assertThat(okafor.conversation("Robin Hale")).hasCount(1);

            // Mark as unread: the thread closes and the badge stays.
            okafor.open("Robin Hale");
            assertThat(okafor.badge("Robin Hale")).hasCount(0);
            choose(page, button, "Mark as unread");
            assertThat(page.locator("#thread")).isHidden();
            assertThat(okafor.badge("Robin Hale")).hasText("1");
            var token = app.token("dr.okafor");
            var robin = app.json(token, "GET", "conversations/" + app.conversationWith(token, "Robin Hale"), null);
            assertTrue(robin.getBoolean("markedUnread"), "the server holds the mark");
            assertFalse(robin.getBoolean("archived"), "and the conversation is back in the inbox");
        }
    }

    static void choose(Page page, Locator button, String action) {
        button.click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(action).setExact(true)).click();
    }

    /**
     * The header as laid out: the name box overlaps neither the way back nor any action, shows at least
     * {@link #READABLE_CHARACTERS} characters' width of the name, and is cut with an ellipsis if at all;
     * the actions are a row of buttons where there is room and the menu (offering the same) where not.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> assertHeader(AppPage app, int width, List<String> actions) {
        var page = app.page();
        assertThat(app.threadTitle()).hasAttribute("title", app.threadTitle().textContent());
        var menuButton = page.locator(".thread-menu");
        if (width <= WIDEST_WITH_MENU) {
            assertThat(menuButton).isVisible();
            assertThat(page.locator(".thread-header .action-buttons")).isHidden();
            menuButton.click();
            assertThat(page.getByRole(AriaRole.MENUITEM)).hasText(actions.toArray(String[]::new));
            page.keyboard().press("Escape");
            assertThat(menuButton).isFocused();
        } else {
            assertThat(menuButton).isHidden();
            assertThat(page.locator(".thread-header .action-buttons button")).hasText(actions.toArray(String[]::new));
        }
        var header = (Map<String, Object>) page.evaluate("""
                n => {
                  const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
                  const title = document.getElementById('thread-title');
                  const measure = document.createElement('canvas').getContext('2d');
                  measure.font = getComputedStyle(title).font;
                  return {
                    name: box(title),
                    readable: measure.measureText(title.textContent.slice(0, n)).width,
                    others: [...document.querySelectorAll('.thread-header .back, .thread-header .thread-actions button')]
                      .filter(e => e.getClientRects().length > 0).map(e => ({text: e.textContent, ...box(e)})),
                    truncated: title.scrollWidth > title.clientWidth,
                    overflow: getComputedStyle(title).textOverflow,
                    viewport: document.documentElement.clientWidth,
                  };
                }""", READABLE_CHARACTERS);
        var name = (Map<String, Object>) header.get("name");
        var others = (List<Map<String, Object>>) header.get("others");
        assertFalse(others.isEmpty(), width + " px: the header shows its actions");
        for (var other : others) {
            assertFalse(overlap(name, other), width + " px: the name overlaps \"" + other.get("text") + "\": " + header);
        }
        assertTrue(number(name, "right") - number(name, "left") >= number(header, "readable"),
                width + " px: the name box is narrower than " + READABLE_CHARACTERS + " characters: " + header);
        assertTrue(number(name, "right") <= number(header, "viewport"), width + " px: the name runs off the screen");
        assertEquals("ellipsis", header.get("overflow"));
        return header;
    }

    static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        return number(a, "left") < number(b, "right") && number(b, "left") < number(a, "right")
                && number(a, "top") < number(b, "bottom") && number(b, "top") < number(a, "bottom");
    }

    static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    static void messagingName(WebApp app, String token, String name) {
        var body = Json.createObjectBuilder();
        if (name == null) {
            body.addNull("displayName");
        } else {
            body.add("displayName", name);
        }
        app.json(token, "PUT", "me/messaging-name", body.build().toString());
    }
}
