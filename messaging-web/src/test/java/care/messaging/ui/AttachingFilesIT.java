package care.messaging.ui;

import static care.messaging.ui.AttachmentChecks.SENT;
import static care.messaging.ui.AttachmentChecks.chip;
import static care.messaging.ui.AttachmentChecks.names;
import static care.messaging.ui.AttachmentChecks.screenshots;
import static care.messaging.ui.AttachmentChecks.toInts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files in both apps: chosen with the paperclip (or the portal's camera button on a phone), dropped on the thread
 * or pasted, uploaded at once with a progress bar, sent with or without text; the other side sees a picture as a
 * thumbnail that opens larger and any other file as a card that downloads the very bytes. Files stay with the
 * conversation they were chosen in; a message with files that waited offline is sent once, its files uploaded once.
 */
@ExtendWith(WebApp.class)
class AttachingFilesIT {

    @Test
    void aPdfAndAPictureGoWithAMessageAndTheOtherSideOpensThem(WebApp app) throws Exception {
        try (var desk = app.context(); var phone = app.phone()) {
            var rivera = app.signIn(desk, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(phone, "jordan.lee");
            var page = rivera.page();
            var word = TestFiles.word();
            var pdf = TestFiles.pdf(word);
            var png = TestFiles.png();
            var pdfName = "Worksheet " + word + ".pdf";
            var pngName = "Signed form " + word + ".png";
            var noteName = "Notes " + word + ".txt";

            // The PDF's upload is held until the test has seen its progress bar.
            var held = new AtomicReference<Route>();
            page.route("**/api/attachments", route -> {
                if (held.get() == null && "POST".equals(route.request().method())
                        && route.request().headerValue("content-disposition").contains("Worksheet")) {
                    held.set(route);
                } else {
                    route.resume();
                }
            });
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach a file"))).isVisible();
            page.locator(".composer input.attachment-input").setInputFiles(new FilePayload[] {
                new FilePayload(pdfName, "application/pdf", pdf),
                new FilePayload(pngName, "image/png", png),
                new FilePayload(noteName, "text/plain", ("Notes " + word).getBytes())});
            var chips = page.locator(".attachment-chip");
            assertThat(chips).hasCount(3);
            var pdfChip = chip(page, pdfName);
            assertThat(pdfChip.locator("progress")).isVisible();
            assertThat(page.locator(".composer button.send")).isDisabled();
            page.waitForCondition(() -> held.get() != null);
            held.get().resume();
            assertThat(page.locator(".attachment-chip.done")).hasCount(3);
            assertThat(pdfChip.locator("progress")).hasCount(0);
            assertThat(chip(page, pngName).locator("img.attachment-preview")).hasAttribute("src", Pattern.compile("^blob:"));
            page.waitForCondition(() -> ((Number) chip(page, pngName).locator("img.attachment-preview")
                    .evaluate("img => img.naturalWidth")).intValue() == TestFiles.PNG_WIDTH);
            assertThat(page.locator(".composer button.send")).isEnabled();
            screenshots(page, "attachments-composer-chips");

            chip(page, noteName).getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Remove " + noteName)).click();
            assertThat(chips).hasCount(2);
            var text = "Here are the worksheet and the form " + word;
            rivera.send(text);
            assertThat(chips).hasCount(0);
            assertThat(rivera.message(text).locator(".status")).hasText(SENT);

            var received = jordan.message(text);
            var card = received.locator("button.attachment-card");
            assertThat(card).hasCount(1);
            assertThat(card.locator(".attachment-name")).hasText(pdfName);
            assertThat(card.locator(".attachment-detail")).hasText(Pattern.compile("^PDF · \\d+ KB$"));
            var thumb = received.locator("img.attachment-thumb");
            assertThat(thumb).hasAttribute("alt", pngName);
            assertThat(thumb).hasAttribute("src", Pattern.compile("^blob:"));
            jordan.page().waitForCondition(() -> ((Number) thumb.evaluate("img => img.naturalWidth")).intValue() == TestFiles.PNG_WIDTH);
            assertThat(received.locator(".attachments li")).hasCount(2);
            received.scrollIntoViewIfNeeded();
            screenshots(jordan.page(), "attachments-thread-portal");

            var download = jordan.page().waitForDownload(card::click);
            assertEquals(pdfName, download.suggestedFilename());
            assertArrayEquals(pdf, Files.readAllBytes(download.path()), "the downloaded bytes are the uploaded ones");

            received.locator("button.attachment-image").click();
            var viewer = jordan.page().locator("dialog.picture-viewer");
            assertThat(viewer).isVisible();
            assertThat(viewer.locator("img")).hasAttribute("alt", pngName);
            WebApp.screenshot(jordan.page(), "attachments-picture-viewer-390");
            viewer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
            assertThat(viewer).hasCount(0);

            assertThat(rivera.message(text).locator("img.attachment-thumb")).hasAttribute("src", Pattern.compile("^blob:"));
            screenshots(page, "attachments-thread-practitioner");
            var token = app.token("dr.rivera");
            var stored = app.messagesContaining(token, app.conversationWith(token, "Sam Lee"), word);
            assertEquals(1, stored.size());
            assertEquals(java.util.Set.of(pdfName, pngName), java.util.Set.copyOf(names(stored.get(0))),
                    "the two files went with the message, the removed one did not");
            assertEquals(2, names(stored.get(0)).size());
        }
    }

    @Test
    void aReaderAtTheEndOfAThreadStaysThereWhilePicturesLoad(WebApp app) {
        var token = app.token("dr.rivera");
        var conversation = app.conversationWith(token, "Sam Lee");
        var word = TestFiles.word();
        for (var i = 1; i <= 3; i++) {
            AttachmentChecks.sendFile(app, token, conversation, "Picture " + i + " " + word, "Picture " + i + " " + word + ".png", TestFiles.png());
        }
        try (var phone = app.phone()) {
            var page = phone.newPage();
            // The pictures arrive only after the thread has opened and scrolled to its end, as on a slow network.
            var held = new CopyOnWriteArrayList<Route>();
            page.route("**/api/attachments/*", held::add);
            var jordan = app.signIn(page, "jordan.lee");
            assertThat(jordan.message("Picture 3 " + word)).isVisible();
            page.waitForCondition(() -> held.size() >= 3);
            page.unrouteAll();
            held.forEach(Route::resume);
            var thumbs = jordan.messages().locator("img.attachment-thumb[alt$='" + word + ".png']");
            page.waitForCondition(() -> ((Number) thumbs.evaluateAll("imgs => imgs.filter(i => i.naturalWidth > 0).length")).intValue() == 3);
            page.waitForCondition(() -> (Boolean) page.evaluate(
                    "() => { const s = document.querySelector('.thread .scroller'); return s.scrollHeight - s.scrollTop - s.clientHeight < 2; }"));
            assertThat(jordan.message("Picture 3 " + word).locator("img.attachment-thumb")).isInViewport();
        }
    }

    @Test
    void aClientOnAPhoneSendsAPhotoWithoutText(WebApp app) {
        // The practitioner's side runs axe, an inline script the app's CSP rightly refuses: that context bypasses it.
        try (var phone = app.phone(); var desk = app.context(new com.microsoft.playwright.Browser.NewContextOptions().setBypassCSP(true))) {
            var jordan = app.signIn(phone, "jordan.lee");
            var page = jordan.page();
            assertThat(jordan.threadTitle()).hasText("Dr. Maria Rivera");
            var photo = page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take a photo"));
            assertThat(photo).isVisible();
            assertThat(page.locator(".composer input.camera-input")).hasAttribute("capture", "environment");
            assertThat(page.locator(".composer input.attachment-input")).hasAttribute("accept", Pattern.compile("application/pdf"));
            var width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
            assertTrue(width.intValue() <= 390, "nothing wider than the phone's screen: " + width);

            var word = TestFiles.word();
            var name = "Photo " + word + ".png";
            page.locator(".composer input.camera-input").setInputFiles(new FilePayload(name, "image/png", TestFiles.png()));
            assertThat(page.locator(".attachment-chip.done")).hasCount(1);
            assertThat(jordan.editor()).hasText("");
            WebApp.screenshot(page, "attachments-portal-photo-390");
            page.locator(".composer button.send").click();
            var mine = jordan.messages().filter(new Locator.FilterOptions().setHas(page.locator("img[alt='" + name + "']")));
            assertThat(mine.locator(".status")).hasText(SENT);

            var rivera = app.signIn(desk, "dr.rivera").open("Sam Lee");
            var received = rivera.messages().filter(new Locator.FilterOptions().setHas(rivera.page().locator("img[alt='" + name + "']")));
            assertThat(received.locator("img.attachment-thumb")).hasAttribute("src", Pattern.compile("^blob:"));
            assertThat(received.locator(".sender")).hasText("Jordan Lee, guardian of Sam Lee");
            AccessibilityIT.assertNoViolations(rivera.page(), "a thread with a picture");
        }
    }

    @Test
    void aFileDroppedOnTheThreadAndAPastedPictureAreAttached(WebApp app) {
        try (var desk = app.context()) {
            var rivera = app.signIn(desk, "dr.rivera").open("Alex Morgan");
            var page = rivera.page();
            var word = TestFiles.word();
            var dropped = "Dropped " + word + ".pdf";
            // The events a drag from the desktop and a paste of a copied picture deliver, with real File objects.
            page.evaluate("""
                    ([name, bytes]) => {
                      const drop = new DataTransfer();
                      drop.items.add(new File([new Uint8Array(bytes)], name, {type: 'application/pdf'}));
                      const thread = document.querySelector('.thread .scroller');
                      thread.dispatchEvent(new DragEvent('dragover', {dataTransfer: drop, bubbles: true, cancelable: true}));
                      thread.dispatchEvent(new DragEvent('drop', {dataTransfer: drop, bubbles: true, cancelable: true}));
                    }""", List.of(dropped, toInts(TestFiles.pdf(word))));
            assertThat(chip(page, dropped)).hasClass(Pattern.compile("\\bdone\\b"));
            page.evaluate("""
                    bytes => {
                      const paste = new DataTransfer();
                      paste.items.add(new File([new Uint8Array(bytes)], 'image.png', {type: 'image/png'}));
                      document.querySelector('.composer .ql-editor').dispatchEvent(
                        new ClipboardEvent('paste', {clipboardData: paste, bubbles: true, cancelable: true}));
                    }""", toInts(TestFiles.png()));
            assertThat(chip(page, "Pasted image.png")).hasClass(Pattern.compile("\\bdone\\b"));
            assertThat(rivera.editor().locator("img")).hasCount(0);
            var text = "Dropped and pasted " + word;
            rivera.send(text);
            assertThat(rivera.message(text).locator(".status")).hasText(SENT);
            var token = app.token("dr.rivera");
            var stored = app.messagesContaining(token, app.conversationWith(token, "Alex Morgan"), text);
            assertEquals(java.util.Set.of(dropped, "Pasted image.png"), java.util.Set.copyOf(names(stored.get(0))));
        }
    }

    @Test
    void filesChosenInOneConversationStayWithIt(WebApp app) {
        try (var desk = app.context()) {
            var rivera = app.signIn(desk, "dr.rivera").open("Marcus Bell");
            var page = rivera.page();
            var word = TestFiles.word();
            var name = "For Marcus " + word + ".pdf";
            page.locator(".composer input.attachment-input").setInputFiles(new FilePayload(name, "application/pdf", TestFiles.pdf(word)));
            assertThat(chip(page, name)).hasClass(Pattern.compile("\\bdone\\b"));

            rivera.open("Alex Morgan");
            assertThat(page.locator(".attachment-chip")).hasCount(0);
            var elsewhere = "Nothing attached here " + word;
            rivera.send(elsewhere);
            assertThat(rivera.message(elsewhere).locator(".status")).hasText(SENT);
            assertThat(rivera.message(elsewhere).locator(".attachments")).hasCount(0);

            rivera.open("Marcus Bell");
            assertThat(chip(page, name)).hasClass(Pattern.compile("\\bdone\\b"));
            var meant = "This one is for you " + word;
            rivera.send(meant);
            assertThat(rivera.message(meant).locator(".attachment-card .attachment-name")).hasText(name);
            var token = app.token("dr.rivera");
            assertEquals(List.of(), names(app.messagesContaining(token, app.conversationWith(token, "Alex Morgan"), elsewhere).get(0)));
            assertEquals(List.of(name), names(app.messagesContaining(token, app.conversationWith(token, "Marcus Bell"), meant).get(0)));
        }
    }

    @Test
    void aMessageWithAFileWrittenOfflineIsSentOnceWithTheFileUploadedOnce(WebApp app) {
        try (var desk = app.context(); var phone = app.phone()) {
            var rivera = app.signIn(desk, "dr.rivera").open("Sam Lee");
            var jordan = app.signIn(phone, "jordan.lee");
            var page = rivera.page();
            var uploads = new AtomicInteger();
            var failedSends = new AtomicInteger();
            page.onRequest(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/api/attachments")) {
                    uploads.incrementAndGet();
                }
            });
            page.onRequestFailed(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/messages")) {
                    failedSends.incrementAndGet();
                }
            });
            var word = TestFiles.word();
            var name = "Sleep diary " + word + ".pdf";
            page.locator(".composer input.attachment-input").setInputFiles(new FilePayload(name, "application/pdf", TestFiles.pdf(word)));
            assertThat(page.locator(".attachment-chip.done")).hasCount(1);

            desk.setOffline(true);
            var text = "The diary, from a tunnel " + word;
            rivera.send(text);
            var pending = rivera.message(text);
            assertThat(pending.locator(".status")).hasText("Waiting for the connection…");
            assertThat(pending.locator(".attachment-name")).hasText(name);
            // The barrier: the outbox has tried again (a second attempt failed) while still offline.
            page.waitForCondition(() -> failedSends.get() >= 2);
            desk.setOffline(false);

            assertThat(rivera.message(text).locator(".status")).hasText(SENT);
            assertThat(jordan.message(text).locator(".attachment-card .attachment-name")).hasText(name);
            assertEquals(1, uploads.get(), "the file was uploaded once, before the message was queued");
            var token = app.token("dr.rivera");
            var stored = app.messagesContaining(token, app.conversationWith(token, "Sam Lee"), text);
            assertEquals(1, stored.size(), "the server holds the message once");
            assertEquals(List.of(name), names(stored.get(0)));
            rivera.assertNothingStored();
        }
    }
}
