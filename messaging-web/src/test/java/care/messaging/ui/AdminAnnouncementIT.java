package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin announces on behalf of the practice from their home: the dialog offers the practice's audiences (all its
 * clients, or the clients of the practitioners ticked) and says how many will receive it and why the others will be
 * skipped; the client's portal and the practitioner's thread show the copy from the practice, labelled so. A practice
 * of its own (Harbour Counselling), so the shared demo practice's threads are left alone. Screenshots at 390 px and
 * desktop width.
 */
@ExtendWith(WebApp.class)
class AdminAnnouncementIT {

    static final String PRACTICE = "Harbour Counselling";

    @Test
    void anAdminAnnouncesForThePracticeAndTheClientSeesItFromThePractice(WebApp app) {
        var practice = UUID.randomUUID().toString();
        app.sql("INSERT INTO practice (id, name) VALUES (?::uuid, ?)", practice, PRACTICE);
        account(app, practice, "admin.harbour", "admin", "Ada Harbour");
        var hale = account(app, practice, "dr.hale", "practitioner", "Dr. Hana Hale");
        var ives = account(app, practice, "dr.ives", "practitioner", "Dr. Ivo Ives");
        var quinn = client(app, practice, "Quinn Harbour", hale, true);
        client(app, practice, "Rory Harbour", ives, true);
        client(app, practice, "Sol Harbour", hale, false);
        var portal = account(app, practice, "quinn.harbour", "client", "Quinn Harbour");
        app.sql("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?::uuid, ?::uuid, 'self')", quinn, portal);
        var text = "The practice moves to Quay Street on 1 June.";

        for (var phone : new boolean[] {true, false}) {
            var width = phone ? "390" : "desktop";
            try (var browser = phone ? app.phone() : app.context()) {
                var page = app.signIn(browser, "admin.harbour").page();
                page.locator(".task-announce button.task-open").click();
                var dialog = page.locator("dialog.announcement");
                assertThat(dialog.locator("h2")).hasText("New announcement from the practice");
                var reach = dialog.locator(".announcement-reach");
                assertThat(dialog.getByLabel("All clients of the practice")).isChecked();
                assertThat(reach).hasText("Will go to 2 clients · 1 skipped (messaging turned off)");
                WebApp.screenshot(page, "admin-announcement-practice-" + width);

                dialog.getByLabel("Clients of practitioners I choose").check();
                assertThat(reach).isEmpty();
                dialog.getByLabel("Dr. Ivo Ives").check();
                assertThat(reach).hasText("Will go to 1 client");
                dialog.getByLabel("Dr. Hana Hale").check();
                assertThat(reach).hasText("Will go to 2 clients · 1 skipped (messaging turned off)");
                WebApp.screenshot(page, "admin-announcement-practitioners-" + width);
                if (phone) {
                    continue;
                }
                dialog.getByLabel("All clients of the practice").check();
                dialog.locator(".ql-editor").click();
                page.keyboard().type(text);
                dialog.locator("button.send").click();
                assertThat(dialog.locator(".status")).containsText("Sent to 2 clients.");
                assertThat(dialog.locator(".skipped")).containsText("Sol Harbour");
                WebApp.screenshot(page, "admin-announcement-sent-" + width);
            }
        }
        assertEquals(2L, app.sql("SELECT count(*) FROM message m JOIN announcement a ON a.id = m.announcement_id "
                + "WHERE a.practice_id = ?::uuid AND m.for_practice AND m.sender_name = ?", practice, PRACTICE));

        for (var phone : new boolean[] {true, false}) {
            var width = phone ? "390" : "desktop";
            try (var clientBrowser = phone ? app.phone() : app.context(); var haleBrowser = phone ? app.phone() : app.context()) {
                var client = app.signIn(clientBrowser, "quinn.harbour");
                var copy = client.message(text);
                assertThat(copy.locator(".announcement-label")).hasText("Announcement from the practice");
                assertThat(copy.locator(".sender")).hasText(PRACTICE);
                WebApp.screenshot(client.page(), "admin-announcement-portal-" + width);

                var practitioner = app.signIn(haleBrowser, "dr.hale").open("Quinn Harbour");
                var inThread = practitioner.message(text);
                assertThat(inThread.locator(".announcement-label")).hasText("Announcement from the practice");
                assertThat(inThread.locator(".sender")).hasText(PRACTICE);
                WebApp.screenshot(practitioner.page(), "admin-announcement-practitioner-" + width);
            }
        }
    }

    static String account(WebApp app, String practice, String username, String role, String name) {
        var id = UUID.randomUUID().toString();
        app.sql("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) "
                + "VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, now())", id, practice, username, "dev:" + username, role, name);
        return id;
    }

    /** A client with one thread, with the practitioner given, and their messaging switch. */
    static String client(WebApp app, String practice, String name, String practitioner, boolean messaging) {
        var id = UUID.randomUUID().toString();
        app.sql("INSERT INTO client (id, practice_id, display_name, messaging_enabled) VALUES (?::uuid, ?::uuid, ?, ?)",
                id, practice, name, messaging);
        app.sql("INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at, kind) "
                + "VALUES (gen_random_uuid(), ?::uuid, ?::uuid, ?::uuid, now(), now(), 'client')", practice, practitioner, id);
        return id;
    }
}
