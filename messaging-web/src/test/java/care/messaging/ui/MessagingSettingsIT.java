package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the apps: the practice switch, a client's switch, a block, a messaging
 * name, and a client who has not signed up yet. Each change reaches the other side's open app live;
 * each test puts the setting back.
 */
@ExtendWith(WebApp.class)
class MessagingSettingsIT {

    static final String CLIENT_OFF = "Messaging is turned off for this client";

    @Test
    void theAdminTurnsPracticeMessagingOffAndEveryoneSeesIt(WebApp app) {
        var admin = app.token("admin.park");
        try (var adminBrowser = app.context(); var riveraBrowser = app.context(); var alexBrowser = app.context()) {
            var rivera = app.signIn(riveraBrowser, "dr.rivera").open("Alex Morgan");
            var alex = app.signIn(alexBrowser, "alex.morgan");
            var park = app.signIn(adminBrowser, "admin.park");
            park.page().locator("button.open-settings").click();
            var toggle = park.page().getByLabel("Messaging is on for the whole practice");
            assertThat(toggle).isChecked();
            toggle.uncheck();
            assertThat(park.page().locator("dialog.settings [role=status]").first()).containsText("nobody in the practice can send");

            assertThat(rivera.page().locator(".practice-banner")).isVisible();
            assertThat(rivera.page().locator(".composer-locked")).hasText("Messaging is turned off for this practice.");
            assertThat(alex.page().locator(".composer-locked")).hasText("Messaging is turned off for this practice.");
            assertThat(rivera.page().locator("button.send")).isDisabled();
            WebApp.screenshot(rivera.page(), "practice-messaging-off");
            toggle.check();
            assertThat(rivera.page().locator(".practice-banner")).isHidden();
            assertThat(alex.page().locator(".composer-locked")).isHidden();
        } finally {
            app.call(admin, "PUT", "admin/practice/messaging", "{\"enabled\":true}");
        }
    }

    @Test
    void turningAClientsMessagingOffLocksTheThreadForBothSides(WebApp app) {
        var rivera = app.token("dr.rivera");
        var alexId = app.json(rivera, "GET", "conversations/" + app.conversationWith(rivera, "Alex Morgan"), null)
                .getJsonObject("counterpart").getString("id");
        try (var riveraBrowser = app.context(); var alexBrowser = app.context()) {
            var practitioner = app.signIn(riveraBrowser, "dr.rivera").open("Alex Morgan");
            var client = app.signIn(alexBrowser, "alex.morgan");
            practitioner.page().locator("button.client-settings").click();
            practitioner.page().getByLabel("Messaging is on for this client").uncheck();
            practitioner.page().locator("dialog.settings button.close").click();
            assertThat(practitioner.page().locator(".composer-locked")).containsText(CLIENT_OFF);
            assertThat(client.page().locator(".composer-locked")).containsText(CLIENT_OFF);
            assertThat(client.messages().first()).isVisible(); // the history stays readable
            WebApp.screenshot(client.page(), "client-messaging-off-portal");
        } finally {
            app.call(rivera, "PUT", "clients/" + alexId + "/preferences", "{\"messagingEnabled\":true}");
        }
    }

    @Test
    void aBlockedClientCanReadButNotWriteUntilUnblocked(WebApp app) {
        var rivera = app.token("dr.rivera");
        var alexId = app.json(rivera, "GET", "conversations/" + app.conversationWith(rivera, "Alex Morgan"), null)
                .getJsonObject("counterpart").getString("id");
        try (var riveraBrowser = app.context(); var alexBrowser = app.context()) {
            var practitioner = app.signIn(riveraBrowser, "dr.rivera");
            var client = app.signIn(alexBrowser, "alex.morgan");
            var page = practitioner.page();
            page.locator("button.open-settings").click();
            page.getByLabel("Find a client to block").fill("Alex");
            page.locator("button.block[aria-label='Block Alex Morgan']").click();
            assertThat(page.locator(".blocked-list")).containsText("Alex Morgan");
            assertThat(client.page().locator(".composer-locked")).containsText("You can no longer send messages");
            assertThat(client.messages().first()).isVisible();
            page.locator("button.unblock[aria-label='Unblock Alex Morgan']").click();
            assertThat(page.locator(".blocked-list")).not().containsText("Alex Morgan");
            assertThat(client.page().locator(".composer-locked")).isHidden();
        } finally {
            app.call(rivera, "DELETE", "me/blocks/" + alexId, null);
        }
    }

    @Test
    void aNewMessagingNameAppliesFromThenOn(WebApp app) {
        var rivera = app.token("dr.rivera");
        try (var riveraBrowser = app.context(); var jordanBrowser = app.context()) {
            var practitioner = app.signIn(riveraBrowser, "dr.rivera").open("Sam Lee");
            var guardian = app.signIn(jordanBrowser, "jordan.lee");
            var before = "Under the old name " + UUID.randomUUID();
            practitioner.send(before);
            assertThat(guardian.message(before).locator(".sender")).hasText("Dr. Maria Rivera");
            var page = practitioner.page();
            page.locator("button.open-settings").click();
            page.getByLabel("Shown to clients on the messages you send from now on").fill("Dr. Rivera (she/her)");
            page.locator("button.save-name").click();
            assertThat(page.locator("dialog.settings")).containsText("Saved");
            page.locator("dialog.settings button.close").click();
            var after = "Under the new name " + UUID.randomUUID();
            practitioner.send(after);
            assertThat(guardian.message(after).locator(".sender")).hasText("Dr. Rivera (she/her)");
            assertThat(guardian.message(before).locator(".sender")).hasText("Dr. Maria Rivera");
        } finally {
            app.call(rivera, "PUT", "me/messaging-name", "{\"displayName\":null}");
        }
    }

    @Test
    void aClientWhoHasNotSignedUpGetsTheMessagesOnceActivated(WebApp app) {
        try (var riveraBrowser = app.context(); var caseyBrowser = app.context()) {
            var practitioner = app.signIn(riveraBrowser, "dr.rivera").open("Casey Diaz");
            assertThat(practitioner.page().locator(".thread-notice"))
                    .hasText("Client hasn't signed up yet. They will receive your messages once they create their account.");
            var waiting = "Waiting for you " + UUID.randomUUID();
            practitioner.send(waiting);
            assertThat(practitioner.message(waiting).locator(".status")).hasText("Sent");

            var page = caseyBrowser.newPage();
            page.navigate(app.base() + "portal/");
            assertThat(page.locator("button.demo-user[data-username='casey.diaz']")).isDisabled();

            var admin = app.token("admin.park");
            var clientId = app.json(app.token("dr.rivera"), "GET", "conversations/" + app.conversationWith(app.token("dr.rivera"), "Casey Diaz"), null)
                    .getJsonObject("counterpart").getString("id");
            var account = MicroJson.array(app.call(admin, "GET", "admin/clients/" + clientId + "/portal-accounts", null).body())
                    .getJsonObject(0).getString("id");
            app.json(admin, "POST", "admin/clients/" + clientId + "/portal-accounts/" + account + "/activation", "{\"subject\":\"casey.diaz\"}");

            assertThat(practitioner.page().locator(".thread-notice")).isHidden();
            var casey = app.signIn(page, "casey.diaz").open("Dr. Maria Rivera");
            assertThat(casey.message(waiting)).hasCount(1);
            var reply = "Casey writes back " + UUID.randomUUID();
            casey.send(reply);
            assertThat(practitioner.message(reply)).hasCount(1);
        }
    }
}
