package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Searching as one types: the list's search asks once the typing pauses (a quarter of a second, on the
 * page's own clock, paused here so that nothing depends on how fast the machine types) and shows only
 * the newest query's answer, even when an older one comes back later; its placeholder is whole on
 * phones (down to 360 px), a tablet and a desktop; in the portal one's own messages are "You"; and the announcement's
 * client finder searches as one types too and lets go of the query once its client is added.
 */
@ExtendWith(WebApp.class)
class SearchAsYouTypeIT {

    @Test
    void theListSearchesOnceTypingPausesAndALateOlderAnswerNeverReplacesANewerOne(WebApp app) {
        try (var context = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            var page = context.newPage();
            page.clock().install();
            var queries = new CopyOnWriteArrayList<String>();
            var held = new CopyOnWriteArrayList<Route>();
            var finished = new CopyOnWriteArrayList<String>();
            page.route("**/api/search/*", route -> {
                var q = MicroJson.read(route.request().postData()).getString("q");
                queries.add(q);
                if (q.equals("Sam")) {
                    held.add(route); // answered only after the newer query's answer is shown
                } else {
                    route.resume();
                }
            });
            page.onRequestFinished(request -> {
                if (request.url().contains("/api/search/")) {
                    finished.add(MicroJson.read(request.postData()).getString("q"));
                }
            });
            var rivera = app.signIn(page, "dr.rivera");
            var results = page.locator(".search-results");
            page.evaluate("""
                    () => { window.__people = [];
                      const results = document.querySelector('.search-results');
                      new MutationObserver(() => __people.push([...results.querySelectorAll('.person .name')].map(n => n.textContent).join('|')))
                        .observe(results, {childList: true, subtree: true}); }""");
            page.clock().pauseAt(((Number) page.evaluate("() => Date.now() + 1000")).longValue());

            page.getByLabel("Search people and messages").click();
            page.keyboard().type("Sam");
            page.clock().runFor(249);
            assertTrue(results.isHidden(), "nothing is asked while the typing has not paused for 250 ms");
            page.clock().runFor(1);
            assertThat(results).isVisible();
            page.waitForCondition(() -> held.size() == 2); // people and messages, for the whole word only

            page.getByLabel("Search people and messages").fill("Alex");
            page.clock().runFor(250);
            assertThat(results.locator("button.person .name")).hasText(new String[] {"Alex Morgan"});
            held.forEach(Route::resume);
            page.waitForCondition(() -> finished.stream().filter("Sam"::equals).count() == 2);
            // A later search, answered after the late one arrived: by then the late one was dropped or shown.
            page.getByLabel("Search people and messages").fill("Alex Mor");
            page.clock().runFor(250);
            page.waitForCondition(() -> finished.stream().filter("Alex Mor"::equals).count() == 2);
            assertThat(results.locator("button.person .name")).hasText(new String[] {"Alex Morgan"});
            assertThat(results).not().containsText("Searching…");
            @SuppressWarnings("unchecked")
            var shown = (List<String>) page.evaluate("() => __people");
            assertFalse(shown.stream().anyMatch(names -> names.contains("Sam Lee")), "the late answer was never shown: " + shown);
            assertEquals(List.of("Sam", "Sam", "Alex", "Alex", "Alex Mor", "Alex Mor"), List.copyOf(queries),
                    "one query per pause, never one per key");
            page.clock().resume();

            // Enter still searches at once; Clear goes back to the list.
            page.getByLabel("Search people and messages").fill("Casey");
            page.keyboard().press("Enter");
            assertThat(results.locator("button.person .name")).hasText(new String[] {"Casey Diaz"});
            WebApp.screenshot(page, "search-as-you-type-1366");
            page.locator("button.search-clear").click();
            assertThat(results).isHidden();
            assertThat(rivera.conversation("Alex Morgan")).isVisible();
        }
    }

    @Test
    void theSearchPlaceholderIsWholeOnAPhoneATabletAndADesktop(WebApp app) {
        // 360 px: the narrowest of the usual Android phones, where a Search button left the placeholder cut.
        for (var width : new int[] {360, 390, 768, 1366}) {
            try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                var rivera = app.signIn(context, "dr.rivera");
                assertPlaceholderFits(rivera.page(), width);
                rivera.page().getByLabel("Search people and messages").fill("Sam");
                assertThat(rivera.page().locator(".search-results button.person .name")).hasText(new String[] {"Sam Lee"});
                WebApp.screenshot(rivera.page(), "search-practitioner-" + width);
            }
        }
        try (var phone = app.phone()) {
            var robin = app.signIn(phone, "robin.hale");
            robin.page().locator(".thread .back").click();
            assertPlaceholderFits(robin.page(), 390);
            WebApp.screenshot(robin.page(), "search-portal-390");
        }
    }

    @Test
    void inThePortalOnesOwnMessagesAreYouInTheSearchResults(WebApp app) {
        var word = "zq" + new Random().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        var guardian = app.token("jordan.lee");
        var rivera = app.token("dr.rivera");
        app.send(guardian, app.conversationWith(guardian, "Dr. Maria Rivera"), "<p>Our " + word + " chart is on the fridge</p>");
        app.send(rivera, app.conversationWith(rivera, "Sam Lee"), "<p>Keep the " + word + " chart going</p>");
        for (var width : new int[] {390, 1366}) {
            try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                var jordan = app.signIn(context, "jordan.lee");
                var page = jordan.page();
                if (width == 390) {
                    page.locator(".thread .back").click();
                }
                page.getByLabel("Search messages").fill(word);
                var hits = page.locator(".search-results button.message-hit");
                assertThat(hits).hasCount(2);
                assertThat(hits.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("fridge")).locator(".name")).hasText("You");
                assertThat(hits.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("going")).locator(".name"))
                        .hasText("Dr. Maria Rivera");
                WebApp.screenshot(page, "search-portal-you-" + width);
            }
        }
    }

    @Test
    void theAnnouncementFinderSearchesAsOneTypesAndLetsGoOfTheQueryOnceTheClientIsAdded(WebApp app) {
        for (var width : new int[] {390, 1366}) {
            try (var context = app.context(new Browser.NewContextOptions().setViewportSize(width, 900))) {
                var page = app.signIn(context, "dr.rivera").page();
                page.locator("button.new-announcement").click();
                var dialog = page.locator("dialog.announcement");
                var finder = dialog.getByLabel("Add clients");
                finder.click();
                page.keyboard().type("Sam"); // no Enter: the finder asks once the typing pauses
                var add = dialog.locator("button.add-recipient[aria-label='Add Sam Lee']");
                add.click();
                assertThat(dialog.locator(".recipients li")).containsText(new String[] {"Sam Lee"});
                assertThat(finder).hasValue("");
                assertThat(finder).isFocused();
                assertThat(dialog.locator(".client-results li")).hasCount(0);
                assertThat(dialog).not().containsText("No client found.");
                page.keyboard().type("Alex");
                assertThat(dialog.locator("button.add-recipient")).hasText(new String[] {"Alex Morgan"});
                WebApp.screenshot(page, "announcement-finder-" + width);
                page.keyboard().press("Escape");
            }
        }
    }

    /** The placeholder's text is no wider than the room the field gives it. */
    @SuppressWarnings("unchecked")
    static void assertPlaceholderFits(Page page, int width) {
        var measured = (Map<String, Object>) page.evaluate("""
                () => { const input = document.getElementById('search-input');
                  const style = getComputedStyle(input);
                  const measure = document.createElement('canvas').getContext('2d');
                  measure.font = style.font;
                  return {text: input.placeholder, needs: measure.measureText(input.placeholder).width,
                    room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}; }""");
        assertThat(page.locator("#search-input")).isVisible();
        assertTrue(((Number) measured.get("needs")).doubleValue() <= ((Number) measured.get("room")).doubleValue(),
                width + " px: the placeholder is cut: " + measured);
    }
}
