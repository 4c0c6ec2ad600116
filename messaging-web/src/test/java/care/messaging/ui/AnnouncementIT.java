package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Announcements in the apps: dr.rivera writes once to several clients; each gets it
 * in their own thread, labelled, live — Alex Morgan although blocked (he still cannot write), Sam Lee
 * through his guardian — and a client whose messaging is off is named as skipped.
 */
@ExtendWith(WebApp.class)
class AnnouncementIT {

    @Test
    void aPractitionerAnnouncesToSeveralClientsAndABlockedClientReceivesIt(WebApp app) {
        var rivera = app.token("dr.rivera");
        var alexId = clientId(app, rivera, "Alex Morgan");
        var caseyId = clientId(app, rivera, "Casey Diaz");
        app.json(rivera, "PUT", "me/blocks/" + alexId, null);
        app.json(rivera, "PUT", "clients/" + caseyId + "/preferences", "{\"messagingEnabled\":false}");
        try (var riveraBrowser = app.context(); var alexBrowser = app.context(); var jordanBrowser = app.context()) {
            var practitioner = app.signIn(riveraBrowser, "dr.rivera");
            var alex = app.signIn(alexBrowser, "alex.morgan");
            var jordan = app.signIn(jordanBrowser, "jordan.lee");
            var page = practitioner.page();

            page.locator("button.new-announcement").click();
            var dialog = page.locator("dialog.announcement");
            for (var name : new String[]{"Alex Morgan", "Sam Lee", "Casey Diaz"}) {
                dialog.getByLabel("Add clients").fill(name.split(" ")[0]);
                dialog.locator("button.add-recipient[aria-label='Add " + name + "']").click();
            }
            assertThat(dialog.locator(".recipient-count")).hasText("3 clients");
            dialog.locator("button.remove-recipient[aria-label='Remove Sam Lee']").click();
            assertThat(dialog.locator(".recipient-count")).hasText("2 clients");
            dialog.getByLabel("Add clients").fill("Sam");
            dialog.locator("button.add-recipient[aria-label='Add Sam Lee']").click();
            var text = "The office is closed on Monday " + UUID.randomUUID();
            dialog.locator(".ql-editor").click();
            page.keyboard().type(text);
            dialog.locator("button.send").click();

            assertThat(dialog.locator(".status")).containsText("Sent to 2 clients.");
            assertThat(dialog.locator(".skipped")).hasText("Not sent to Casey Diaz: messaging is turned off for this client.");
            WebApp.screenshot(page, "announcement-sent");
            dialog.locator("button.secondary:text-is('Close')").click();
            page.locator("button.new-announcement").click();
            page.locator("dialog.announcement .recent-announcements summary").click();
            assertThat(page.locator("dialog.announcement .sent-announcements li").first())
                    .containsText("to Alex Morgan, Sam Lee (1 skipped)");
            page.locator("dialog.announcement button.secondary:text-is('Close')").click();

            var received = alex.message(text);
            assertThat(received.locator(".announcement-label")).hasText("Announcement");
            assertThat(received.locator(".sender")).hasText("Dr. Maria Rivera");
            assertThat(alex.page().locator(".composer-locked")).containsText("You can't send messages in this conversation.");
            WebApp.screenshot(alex.page(), "announcement-portal-blocked");
            jordan.open("Dr. Maria Rivera");
            assertThat(jordan.message(text).locator(".announcement-label")).hasText("Announcement");
            practitioner.open("Alex Morgan");
            assertThat(practitioner.message(text).locator(".announcement-label")).hasText("Announcement");
            assertThat(practitioner.messages().locator(".announcement-label")).hasCount(1); // direct messages carry no label
        } finally {
            app.call(rivera, "DELETE", "me/blocks/" + alexId, null);
            app.call(rivera, "PUT", "clients/" + caseyId + "/preferences", "{\"messagingEnabled\":true}");
        }
    }

    static String clientId(WebApp app, String token, String name) {
        var reply = app.call(token, "POST", "clients/search", "{\"query\":\"" + name + "\",\"limit\":5}");
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("displayName").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no client " + name + ": " + reply.body())).getString("id");
        }
    }
}
