package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /**
     * Dr. Pax Crowd, a practitioner of the demo practice with 250 clients of their own (more than one batch), announces
     * to all of them: the dialog shows the delivery's progress as a bar and in words, then the summary; then schedules
     * one for tomorrow, sees when it will go, cancels it, and the recent list says so. Screenshots at both widths.
     */
    @Test
    void anAnnouncementToAllOnesClientsShowsItsProgressAndAScheduledOneIsCancelled(WebApp app) {
        var practitioner = UUID.randomUUID().toString();
        app.sql("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) "
                + "SELECT ?::uuid, id, 'dr.crowd', 'dev:dr.crowd', 'practitioner', 'Dr. Pax Crowd', now() FROM practice WHERE name = 'Riverside Therapy'",
                practitioner);
        app.sql("INSERT INTO client (id, practice_id, display_name) SELECT gen_random_uuid(), id, 'Crowdclient Zq' || g "
                + "FROM practice, generate_series(1, 250) g WHERE name = 'Riverside Therapy'");
        app.sql("INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at, kind) "
                + "SELECT gen_random_uuid(), c.practice_id, ?::uuid, c.id, now(), now(), 'client' FROM client c WHERE c.display_name LIKE 'Crowdclient Zq%'",
                practitioner);
        for (var phone : new boolean[] {false, true}) {
            try (var browser = phone ? app.phone() : app.context()) {
                var page = app.signIn(browser, "dr.crowd").page();
                page.locator("button.new-announcement").click();
                var dialog = page.locator("dialog.announcement");
                dialog.getByLabel("All my clients").check();
                assertThat(dialog.getByLabel("Add clients")).isHidden();
                dialog.locator(".ql-editor").click();
                page.keyboard().type("The office is closed on Monday.");
                dialog.locator("button.send").click();
                assertThat(dialog.locator("progress.announcement-progress")).isVisible();
                assertThat(dialog.locator(".progress-text")).containsText("of 250 delivered");
                WebApp.screenshot(page, "announcement-progress-" + (phone ? "phone" : "desktop"));
                assertThat(dialog.locator(".status")).containsText("Sent to 250 clients.", new com.microsoft.playwright.assertions
                        .LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
                assertThat(dialog.locator("progress.announcement-progress")).hasCount(0);
                dialog.locator("button.secondary:text-is('Close')").click();

                page.locator("button.new-announcement").click();
                dialog.getByLabel("All my clients").check();
                dialog.getByLabel("Schedule").check();
                var tomorrow = java.time.LocalDate.now().plusDays(1) + "T09:00";
                dialog.getByLabel("Date and time to send").fill(tomorrow);
                dialog.locator(".ql-editor").click();
                page.keyboard().type("Reminder: fees change next month.");
                dialog.locator("button.send").click();
                assertThat(dialog.locator(".status")).containsText("Scheduled for");
                assertThat(dialog.locator(".status")).containsText("to 250 clients");
                WebApp.screenshot(page, "announcement-scheduled-" + (phone ? "phone" : "desktop"));
                dialog.locator("button.cancel-announcement").click();
                assertThat(dialog.locator(".status")).hasText("Cancelled. Nobody received it.");
                dialog.locator("button.secondary:text-is('Close')").click();
                page.locator("button.new-announcement").click();
                page.locator("dialog.announcement .recent-announcements summary").click();
                assertThat(page.locator("dialog.announcement .sent-announcements li").first()).containsText("cancelled, to 250 clients");
                WebApp.screenshot(page, "announcement-recent-" + (phone ? "phone" : "desktop"));
            }
        }
        assertEquals(500L, app.sql("SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id "
                + "WHERE c.practitioner_id = ?::uuid AND m.announcement_id IS NOT NULL", practitioner),
                "each of the 250 clients got each of the two sent announcements once, and the cancelled one reached nobody");
    }

    /**
     * Before sending, the dialog says who will receive it: Dr. Ola Reach has clients of her own, one blocked (who still
     * receives announcements), some switched off and one discharged; "All my clients" shows how many it will go to and
     * how many will be skipped and why, and chosen clients update the line as they are added. Nothing is sent.
     * Screenshots at both widths.
     */
    @Test
    void theDialogSaysHowManyWillReceiveItAndWhoWillBeSkippedBeforeSending(WebApp app) {
        var practitioner = UUID.randomUUID().toString();
        var tag = "Reach" + java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        int open = 20;
        int off = 2;
        app.sql("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) "
                + "SELECT ?::uuid, id, 'dr.reach', 'dev:dr.reach', 'practitioner', 'Dr. Ola Reach', now() FROM practice WHERE name = 'Riverside Therapy'",
                practitioner);
        app.sql("INSERT INTO client (id, practice_id, display_name, messaging_enabled) "
                + "SELECT gen_random_uuid(), id, ? || CASE WHEN g > ? THEN ' open ' ELSE ' off ' END || g, g > ? "
                + "FROM practice, generate_series(1, ?) g WHERE name = 'Riverside Therapy'", tag, off, off, open + off);
        app.sql("INSERT INTO client (id, practice_id, display_name, enabled) SELECT gen_random_uuid(), id, ?, false "
                + "FROM practice WHERE name = 'Riverside Therapy'", tag + " gone");
        app.sql("INSERT INTO client (id, practice_id, display_name) SELECT gen_random_uuid(), id, ? "
                + "FROM practice WHERE name = 'Riverside Therapy'", tag + " blocked");
        app.sql("INSERT INTO block (practitioner_id, client_id, practice_id, blocked_at) "
                + "SELECT ?::uuid, id, practice_id, now() FROM client WHERE display_name = ?", practitioner, tag + " blocked");
        app.sql("INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at, kind) "
                + "SELECT gen_random_uuid(), c.practice_id, ?::uuid, c.id, now(), now(), 'client' FROM client c WHERE c.display_name LIKE ?",
                practitioner, tag + " %");
        var offName = tag + " off 1";
        for (var phone : new boolean[] {false, true}) {
            try (var browser = phone ? app.phone() : app.context()) {
                var page = app.signIn(browser, "dr.reach").page();
                page.locator("button.new-announcement").click();
                var dialog = page.locator("dialog.announcement");
                var reach = dialog.locator(".announcement-reach");
                assertThat(reach).isEmpty();
                dialog.getByLabel("All my clients").check();
                assertThat(reach).hasText("Will go to " + (open + 1) + " clients · " + (off + 1) + " skipped ("
                        + off + " messaging turned off, 1 discharged)");
                WebApp.screenshot(page, "announcement-reach-" + (phone ? "phone" : "desktop"));

                dialog.getByLabel("Clients I choose").check();
                assertThat(reach).isEmpty();
                dialog.getByLabel("Add clients").fill(offName);
                dialog.locator("button.add-recipient[aria-label='Add " + offName + "']").click();
                assertThat(reach).hasText("Will go to 0 clients · 1 skipped (messaging turned off)");
                dialog.getByLabel("Add clients").fill(tag + " blocked");
                dialog.locator("button.add-recipient[aria-label='Add " + tag + " blocked']").click();
                assertThat(reach).hasText("Will go to 1 client · 1 skipped (messaging turned off)");
                WebApp.screenshot(page, "announcement-reach-chosen-" + (phone ? "phone" : "desktop"));
                dialog.locator("button.remove-recipient[aria-label='Remove " + offName + "']").click();
                assertThat(reach).hasText("Will go to 1 client");
            }
        }
        assertEquals(0L, app.sql("SELECT count(*) FROM announcement WHERE sender_id = ?::uuid", practitioner), "a preview sends nothing");
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
