package care.messaging.ui;

import static care.messaging.ui.AttachmentChecks.SENT;
import static care.messaging.ui.AttachmentChecks.chip;
import static care.messaging.ui.AttachmentChecks.names;
import static care.messaging.ui.AttachmentChecks.screenshots;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Clamd;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What keeps a file out of a message: a refused upload says why in plain words (type, malware, size, the scanner or
 * the server unavailable, one file too many) and goes with no message; an upload in flight can be cancelled.
 */
@ExtendWith(WebApp.class)
class AttachmentRefusalsIT {

    @Test
    void aRefusedFileSaysWhyInPlainWordsAndGoesWithNoMessage(WebApp app) throws Exception {
        // axe is injected as an inline script, which the app's CSP rightly refuses: this context bypasses it.
        try (var desk = app.context(new com.microsoft.playwright.Browser.NewContextOptions().setBypassCSP(true))) {
            var page = desk.newPage();
            var sends = new CopyOnWriteArrayList<String>();
            page.onRequest(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/messages")) {
                    sends.add(request.postData());
                }
            });
            var rivera = app.signIn(page, "dr.rivera").open("Casey Diaz");
            var word = TestFiles.word();
            var settings = app.json(null, "GET", "app/settings", null).getJsonObject("attachments");
            var limit = settings.getJsonNumber("maxBytes").longValue();
            var big = Files.createTempFile(WebApp.SCREENSHOTS.getParent(), "too-large", ".pdf");
            try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
                file.write(TestFiles.pdf(word));
                file.setLength(limit + 1);
            }
            try {
                page.locator(".composer input.attachment-input").setInputFiles(new FilePayload[] {
                    new FilePayload("Page " + word + ".html", "text/html", "<!doctype html><html><body><script>alert(1)</script></body></html>".getBytes()),
                    new FilePayload("Scan " + word + ".txt", "text/plain", Clamd.eicar())});
                assertThat(chip(page, "Page " + word + ".html").locator(".attachment-reason"))
                        .hasText(Pattern.compile("^This type of file can't be attached\\. You can attach PDF"));
                assertThat(chip(page, "Scan " + word + ".txt").locator(".attachment-reason")).containsText("malware was found");
                page.locator(".composer input.attachment-input").setInputFiles(big);
                var limitText = limit % (1024 * 1024) == 0 ? (limit / (1024 * 1024)) + " MB" : null;
                var tooLarge = page.locator(".attachment-chip.failed").filter(new Locator.FilterOptions().setHasText("Too large"));
                assertThat(tooLarge.locator(".attachment-reason")).hasText(limitText != null
                        ? "Too large: files can be up to " + limitText + "." : "Too large: files can be up to");
                assertThat(page.locator(".attachment-chip.failed")).hasCount(3);
                screenshots(page, "attachments-refused");
                AccessibilityIT.assertNoViolations(page, "refused uploads");

                // Send with only refused files does nothing; the message written next carries none of them.
                page.locator(".composer button.send").click();
                var text = "Only words this time " + word;
                rivera.send(text);
                assertThat(rivera.message(text).locator(".status")).hasText(SENT);
                assertEquals(1, sends.size(), "one message went out: " + sends);
                assertTrue(!sends.get(0).contains("attachments"), "with no files: " + sends.get(0));
                assertThat(page.locator(".attachment-chip")).hasCount(0);
                assertThat(rivera.message(text).locator(".attachments")).hasCount(0);
            } finally {
                Files.deleteIfExists(big);
            }
        }
    }

    @Test
    void aFileTheScannerCouldNotCheckSaysSoAndIsNotSent(WebApp app) {
        try (var desk = app.context()) {
            var page = desk.newPage();
            var sends = new CopyOnWriteArrayList<String>();
            page.onRequest(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/messages")) {
                    sends.add(request.postData());
                }
            });
            // What the server answers while clamd is out of reach (ScannerDownIT proves it on a node without one):
            // the file held as 'scanning'; and a proxy's 503 in front of a node that is down.
            page.route("**/api/attachments", route -> {
                var name = route.request().headerValue("content-disposition");
                if (name.contains("Held")) {
                    route.fulfill(new Route.FulfillOptions().setStatus(201).setContentType("application/json")
                            .setBody("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Held.pdf\",\"type\":\"application/pdf\",\"size\":10,\"state\":\"scanning\"}"));
                } else {
                    route.fulfill(new Route.FulfillOptions().setStatus(503).setContentType("application/problem+json")
                            .setBody("{\"type\":\"urn:care-messaging:problem:database-unavailable\",\"status\":503}"));
                }
            });
            var rivera = app.signIn(page, "dr.rivera").open("Casey Diaz");
            var word = TestFiles.word();
            page.locator(".composer input.attachment-input").setInputFiles(new FilePayload[] {
                new FilePayload("Held " + word + ".pdf", "application/pdf", TestFiles.pdf(word)),
                new FilePayload("Away " + word + ".pdf", "application/pdf", TestFiles.pdf(word))});
            assertThat(chip(page, "Held " + word).locator(".attachment-reason")).hasText(
                    "The malware scanner is unavailable, so the file cannot be sent yet. Remove it and try again later.");
            assertThat(chip(page, "Away " + word).locator(".attachment-reason")).hasText(
                    "The server or its malware scanner is unavailable. Try again later.");
            page.locator(".composer button.send").click();
            var text = "Without the held file " + word;
            rivera.send(text);
            assertThat(rivera.message(text).locator(".status")).hasText(SENT);
            assertEquals(1, sends.size(), "one message went out: " + sends);
            assertTrue(!sends.get(0).contains("attachments"), "with no files: " + sends.get(0));
        }
    }

    @Test
    void anUploadCanBeCancelledAndAMessageTakesNoMoreFilesThanAllowed(WebApp app) {
        try (var desk = app.context()) {
            var page = desk.newPage();
            var held = new AtomicReference<Route>();
            var aborted = new AtomicInteger();
            var sends = new AtomicInteger();
            page.onRequest(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/messages")) {
                    sends.incrementAndGet();
                }
            });
            page.onRequestFailed(request -> {
                if (request.url().endsWith("/api/attachments")) {
                    aborted.incrementAndGet();
                }
            });
            page.route("**/api/attachments", route -> {
                if (route.request().headerValue("content-disposition").contains("Cancelled")) {
                    held.set(route); // never answered: the browser's abort is what ends it
                } else {
                    route.resume();
                }
            });
            var rivera = app.signIn(page, "dr.rivera").open("Priya Nair");
            var word = TestFiles.word();
            var cancelled = "Cancelled " + word + ".pdf";
            page.locator(".composer input.attachment-input").setInputFiles(new FilePayload(cancelled, "application/pdf", TestFiles.pdf(word)));
            page.waitForCondition(() -> held.get() != null);
            assertThat(chip(page, cancelled).locator("progress")).isVisible();
            // Sending while a file uploads: nothing goes, and the keyboard user hears why.
            rivera.send("Wait for the upload " + word + " ");
            assertThat(page.locator("#announcer")).hasText("Wait until the files have uploaded, then send.");
            assertThat(rivera.editor()).containsText("Wait for the upload " + word);
            assertThat(page.locator(".composer button.send")).isDisabled();
            rivera.editor().press("Control+A");
            rivera.editor().press("Delete");
            chip(page, cancelled).getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Cancel the upload of " + cancelled)).click();
            assertThat(page.locator(".attachment-chip")).hasCount(0);
            page.waitForCondition(() -> aborted.get() == 1);
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach a file"))).isFocused();

            var perMessage = app.json(null, "GET", "app/settings", null).getJsonObject("attachments").getInt("perMessage");
            var files = new FilePayload[perMessage + 1];
            for (var i = 0; i < files.length; i++) {
                files[i] = new FilePayload("Note " + (i + 1) + " " + word + ".txt", "text/plain", ("Note " + i + " " + word).getBytes());
            }
            page.locator(".composer input.attachment-input").setInputFiles(files);
            assertThat(page.locator(".attachment-chip.done")).hasCount(perMessage);
            assertThat(chip(page, "Note " + files.length + " " + word).locator(".attachment-reason"))
                    .hasText("A message can carry up to " + perMessage + " files. Send the rest in another message.");
            var text = "As many notes as allowed " + word;
            rivera.send(text);
            assertThat(rivera.message(text).locator(".status")).hasText(SENT);
            var token = app.token("dr.rivera");
            assertEquals(perMessage, names(app.messagesContaining(token, app.conversationWith(token, "Priya Nair"), text).get(0)).size());
            assertEquals(1, sends.get(), "only the last message went out, none while a file uploaded");
        }
    }
}
