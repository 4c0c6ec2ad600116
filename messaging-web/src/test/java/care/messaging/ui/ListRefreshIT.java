package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The list follows events by refreshing only the conversations they name (GET /conversations/{id}),
 * not by reloading its whole page: a new message moves its row and badge, an archive made on another
 * device takes the row out of the inbox, and no page of the list is fetched for either.
 */
@ExtendWith(WebApp.class)
class ListRefreshIT {

    @Test
    void eventsRefreshOnlyTheConversationsTheyName(WebApp app) {
        var riveraToken = app.token("dr.rivera");
        var alexToken = app.token("alex.morgan");
        var thread = app.conversationWith(riveraToken, "Alex Morgan");
        try (var riveraBrowser = app.context()) {
            var rivera = app.signIn(riveraBrowser, "dr.rivera").open("Sam Lee");
            List<String> requests = new CopyOnWriteArrayList<>();
            rivera.page().onRequest(r -> {
                if (r.url().contains("/api/conversations")) {
                    requests.add(r.url().substring(r.url().indexOf("/api/")));
                }
            });

            var text = "Running late " + UUID.randomUUID();
            app.send(alexToken, thread, "<p>" + text + "</p>");
            assertThat(rivera.conversation("Alex Morgan").locator(".preview")).containsText(text);
            assertThat(rivera.page().locator(".conversation-list li").first()).containsText("Alex Morgan");

            app.json(riveraToken, "POST", "conversations/" + thread + "/archive", null);
            assertThat(rivera.conversation("Alex Morgan")).hasCount(0);

            assertTrue(requests.contains("/api/conversations/" + thread), requests::toString);
            assertTrue(requests.stream().noneMatch(r -> r.startsWith("/api/conversations?")), () -> "no page reloaded: " + requests);
        } finally {
            app.call(riveraToken, "DELETE", "conversations/" + thread + "/archive", null);
        }
    }
}
