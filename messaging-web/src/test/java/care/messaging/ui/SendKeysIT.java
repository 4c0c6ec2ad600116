package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The composer's keys: Enter starts a new line; Ctrl+Enter, ⌘+Enter and Shift+Enter send; the hint
 * under the editor names them (⌘ on a Mac, none on a touch screen); and the empty lines a message ends
 * with, plain or an empty bullet of the rich editor, are never sent.
 */
@ExtendWith(WebApp.class)
class SendKeysIT {

    static final String HINT = "Ctrl+Enter or Shift+Enter to send";
    static final String MAC_HINT = "⌘+Enter or Shift+Enter to send";

    @Test
    void enterStartsANewLineAndCtrlCommandOrShiftEnterSends(WebApp app) {
        var token = app.token("dr.rivera");
        var conversation = app.conversationWith(token, "Sam Lee");
        try (var browser = app.context(); var other = app.context()) {
            var rivera = app.signIn(browser, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(other, "jordan.lee");
            var keyboard = rivera.page().keyboard();
            for (var key : List.of("Control+Enter", "Meta+Enter", "Shift+Enter")) {
                // Without the "+": the server's sanitizer writes it as a character reference.
                var first = "Sent with " + key.replace('+', ' ') + " " + UUID.randomUUID();
                rivera.editor().click();
                keyboard.type(first);
                keyboard.press("Enter");
                keyboard.type("and a second line");
                keyboard.press(key);

                // One message with both lines: Enter did not send the first on its own.
                assertThat(jordan.message(first).locator(".body p")).hasText(new String[] {first, "and a second line"});
                assertThat(rivera.editor()).hasText("");
                assertEquals(List.of("<p>" + first + "</p><p>and a second line</p>"),
                        htmls(app.messagesContaining(token, conversation, first)), key);
            }
        }
    }

    @Test
    void theEmptyLinesAMessageEndsWithAreNotSent(WebApp app) {
        var token = app.token("dr.rivera");
        var conversation = app.conversationWith(token, "Sam Lee");
        try (var browser = app.context(); var other = app.context()) {
            var rivera = app.signIn(browser, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(other, "jordan.lee");
            var page = rivera.page();

            var plain = "Ends with blank lines " + UUID.randomUUID();
            rivera.editor().click();
            page.keyboard().type(plain);
            page.keyboard().press("Enter");
            page.keyboard().press("Enter");
            page.keyboard().press("Enter");
            page.keyboard().press("Control+Enter");
            assertThat(jordan.message(plain).locator(".body > *")).hasText(new String[] {plain});
            assertEquals(List.of("<p>" + plain + "</p>"), htmls(app.messagesContaining(token, conversation, plain)));

            // A list left with an empty bullet, then empty paragraphs below it.
            var listed = "Ends with an empty bullet " + UUID.randomUUID();
            rivera.editor().click();
            page.locator("button.ql-list[value='bullet']").click();
            page.keyboard().type(listed);
            page.keyboard().press("Enter");
            assertThat(rivera.editor().locator("li")).hasCount(2);
            page.keyboard().press("Enter");
            page.keyboard().press("Enter");
            page.keyboard().press("Shift+Enter");
            assertThat(jordan.message(listed).locator(".body > *")).hasCount(1);
            assertThat(jordan.message(listed).locator(".body li")).hasText(new String[] {listed});
            assertEquals(List.of("<ul><li>" + listed + "</li></ul>"), htmls(app.messagesContaining(token, conversation, listed)));
        }
    }

    @Test
    void theHintUnderTheEditorNamesTheSendKeys(WebApp app) {
        for (var width : new int[] {390, 768, 1366}) {
            try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                var rivera = app.signIn(context, "dr.rivera").open("Sam Lee");
                var hint = rivera.page().locator(".composer .hint");
                assertThat(hint).hasText(HINT);
                assertThat(hint).isInViewport();
                assertThat(rivera.editor()).hasAttribute("aria-describedby", hint.getAttribute("id"));
                assertThat(rivera.page().locator(".composer button.send")).hasAttribute("aria-keyshortcuts", "Control+Enter Shift+Enter");
                var editorBottom = rivera.editor().boundingBox().y + rivera.editor().boundingBox().height;
                assertTrue(hint.boundingBox().y >= editorBottom, width + " px: the hint is under the editor");
                WebApp.screenshot(rivera.page(), "composer-send-hint-" + width);
            }
        }
        try (var mac = app.context()) {
            // What a Mac's browser reports; the app reads it when it loads.
            mac.addInitScript("Object.defineProperty(Navigator.prototype, 'platform', {get: () => 'MacIntel'})");
            var rivera = app.signIn(mac, "dr.rivera").open("Sam Lee");
            assertThat(rivera.page().locator(".composer .hint")).hasText(MAC_HINT);
            assertThat(rivera.page().locator(".composer button.send")).hasAttribute("aria-keyshortcuts", "Meta+Enter Shift+Enter");
        }
        try (var phone = app.phone()) {
            var jordan = app.signIn(phone, "jordan.lee");
            assertThat(jordan.editor()).isVisible();
            assertThat(jordan.page().locator(".composer .hint")).isHidden();
        }
    }

    static List<String> htmls(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("html")).toList();
    }
}
