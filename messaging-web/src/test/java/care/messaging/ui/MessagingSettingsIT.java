package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messaging settings in the apps: the practice switch, a client's switch, a block (asked for again first),
 * a messaging name, and a client who has not signed up yet. Switches are labelled by what they allow; the
 * portal speaks to the client as "you". Each change reaches the other side's open app live; each test puts
 * the setting back.
 */
@ExtendWith(WebApp.class)
class MessagingSettingsIT {

    static final String CLIENT_OFF = "Messaging is turned off for this client";
    static final String CLIENT_OFF_FOR_THE_CLIENT = "You can't send messages in this conversation right now. You can still read it.";
    /** The accent colour of primary buttons (Send, New conversation). */
    static final String PRIMARY_BLUE = "rgb(29, 95, 168)";

    @Test
    void theAdminTurnsPracticeMessagingOffAndEveryoneSeesIt(WebApp app) {
        var admin = app.token("admin.park");
        try (var adminBrowser = app.context(); var riveraBrowser = app.context(); var alexBrowser = app.context()) {
            var rivera = app.signIn(riveraBrowser, "dr.rivera").open("Alex Morgan");
            var alex = app.signIn(alexBrowser, "alex.morgan");
            var park = app.signIn(adminBrowser, "admin.park");
            park.page().locator("button.open-settings").click();
            var toggle = park.page().getByLabel("Allow messaging in the practice");
            assertThat(toggle).isChecked();
            toggle.uncheck();
            assertThat(park.page().locator("dialog.settings [role=status]").first()).containsText("nobody in the practice can send");

            assertThat(rivera.page().locator(".practice-banner")).isVisible();
            assertThat(rivera.page().locator(".composer-locked")).hasText("Messaging is turned off for this practice.");
            assertThat(alex.page().locator(".composer-locked")).containsText("You can't send messages right now. You can still read this conversation.");
            assertThat(alex.page().locator(".practice-banner")).containsText("You can't send messages right now.");
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
    void theAdminSavesThePractitionersNamesWithOneSaveThatStaysSmall(WebApp app) {
        var admin = app.token("admin.park");
        var practitioners = app.json(admin, "GET", "admin/practice/messaging", null).getJsonArray("practitioners").getValuesAs(JsonObject.class);
        var chen = practitioners.stream().filter(p -> p.getString("displayName").equals("Dr. Wei Chen")).findFirst().orElseThrow().getString("id");
        var renamed = "Dr. Chen (he/him)";
        try (var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            var page = app.signIn(desk, "admin.park").page();
            var puts = new ArrayList<String>();
            page.onRequest(request -> {
                if (request.method().equals("PUT") && request.url().contains("/messaging-name")) {
                    puts.add(request.url());
                }
            });
            page.locator("button.open-settings").click();
            var names = page.locator("form.practitioner-names");
            assertThat(names.locator("li")).hasCount(practitioners.size());
            assertThat(names.locator("button")).hasText(new String[]{"Save names"});
            names.getByLabel("Dr. Wei Chen", new Locator.GetByLabelOptions().setExact(true)).fill(renamed);
            for (var width : DemoPracticeIT.WIDTHS) {
                page.setViewportSize(width, width < 800 ? 844 : 900);
                var save = names.locator("button.save-names");
                save.scrollIntoViewIfNeeded();
                assertTrue(save.boundingBox().width < names.boundingBox().width / 2, "one small Save at " + width + " px, not a full-width bar");
                assertEquals(Boolean.TRUE, page.locator("dialog.settings").evaluate("d => d.scrollWidth <= d.clientWidth"), "nothing runs off the side at " + width + " px");
                WebApp.screenshot(page, "admin-names-" + width);
            }
            names.locator("button.save-names").click();
            assertThat(names.locator("[role=status]")).hasText("Saved 1 name. Messages already sent keep the name they were sent under.");
            assertEquals(List.of(chen), puts.stream().map(url -> url.replaceAll(".*/practitioners/([^/]+)/messaging-name$", "$1")).toList(),
                    "only the name that changed is sent");
            var saved = app.json(admin, "GET", "admin/practice/messaging", null).getJsonArray("practitioners").getValuesAs(JsonObject.class);
            assertEquals(renamed, saved.stream().filter(p -> p.getString("id").equals(chen)).findFirst().orElseThrow().getString("sendsAs"));
        } finally {
            app.call(admin, "PUT", "admin/practitioners/" + chen + "/messaging-name", "{\"displayName\":null}");
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
            practitioner.openClientSettings();
            var allow = practitioner.page().getByLabel("Allow messaging with Alex Morgan");
            assertThat(allow).isChecked();
            allow.uncheck();
            assertThat(practitioner.page().locator("dialog.settings [role=status]")).containsText("neither side can send");
            practitioner.page().locator("dialog.settings button.close").click();
            assertThat(practitioner.page().locator(".composer-locked")).containsText(CLIENT_OFF);
            assertThat(client.page().locator(".composer-locked")).containsText(CLIENT_OFF_FOR_THE_CLIENT);
            assertThat(client.page().locator(".composer-locked")).not().containsText("this client");
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
            page.locator("dialog.confirm button.confirm-action").click();
            assertThat(page.locator(".blocked-list")).containsText("Alex Morgan");
            assertThat(client.page().locator(".composer-locked")).containsText("You can't send messages in this conversation. You can still read it.");
            assertThat(client.messages().first()).isVisible();
            page.locator("button.unblock[aria-label='Unblock Alex Morgan']").click();
            assertThat(page.locator(".blocked-list")).not().containsText("Alex Morgan");
            assertThat(client.page().locator(".composer-locked")).isHidden();
        } finally {
            app.call(rivera, "DELETE", "me/blocks/" + alexId, null);
        }
    }

    @Test
    void blockingIsASecondaryActionThatAsksFirstWithCancelAsTheDefault(WebApp app) {
        var rivera = app.token("dr.rivera");
        var alexId = app.json(rivera, "GET", "conversations/" + app.conversationWith(rivera, "Alex Morgan"), null)
                .getJsonObject("counterpart").getString("id");
        try (var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900)); var phone = app.phone()) {
            var practitioner = app.signIn(desk, "dr.rivera").open("Alex Morgan");
            var page = practitioner.page();
            var blockRequests = new ArrayList<String>();
            page.onRequest(request -> {
                if (request.url().contains("/api/me/blocks/")) {
                    blockRequests.add(request.method());
                }
            });
            practitioner.openClientSettings();
            var block = page.locator("dialog.settings button.block");
            assertThat(block).hasText("Block Alex Morgan");
            assertNotEquals(PRIMARY_BLUE, block.evaluate("b => getComputedStyle(b).backgroundColor"), "not styled as the primary action");
            assertThat(page.getByLabel("Allow messaging with Alex Morgan")).isChecked();
            WebApp.screenshot(page, "client-settings-desktop");
            block.click();
            var confirm = page.locator("dialog.confirm");
            assertThat(confirm).hasAttribute("role", "alertdialog");
            assertThat(confirm.locator("h2")).hasText("Block Alex Morgan?");
            assertThat(confirm).containsText("will no longer be able to send you messages");
            assertThat(confirm).containsText("can still read your conversation");
            assertThat(confirm.locator("button.confirm-cancel")).isFocused();
            assertThat(confirm.locator("button.confirm-action")).hasClass(Pattern.compile("\\bdanger\\b"));
            WebApp.screenshot(page, "block-confirm-desktop");
            page.keyboard().press("Enter");
            assertThat(confirm).hasCount(0);
            assertThat(page.locator("dialog.settings")).isVisible();
            assertThat(page.locator(".thread-notice")).isHidden();

            block.click();
            page.locator("dialog.confirm button.confirm-action").click();
            assertThat(page.locator(".thread-notice")).containsText("You blocked this client");
            assertEquals(List.of("PUT"), blockRequests, "the cancelled block sent nothing; the confirmed one once");

            var small = app.signIn(phone, "dr.rivera").open("Alex Morgan");
            small.openClientSettings();
            assertThat(small.page().locator("dialog.settings button.unblock")).hasText("Unblock Alex Morgan");
            WebApp.screenshot(small.page(), "client-settings-phone");
            small.page().locator("dialog.settings button.close").click();
            small.page().locator("button.open-settings").click();
            small.page().getByLabel("Find a client to block").fill("Casey");
            small.page().locator("button.block[aria-label='Block Casey Diaz']").click();
            assertThat(small.page().locator("dialog.confirm button.confirm-cancel")).isFocused();
            WebApp.screenshot(small.page(), "block-confirm-phone");
            small.page().keyboard().press("Escape");
            assertThat(small.page().locator("dialog.confirm")).hasCount(0);
            assertThat(small.page().locator(".blocked-list")).containsText("Alex Morgan");
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
