package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import jakarta.json.Json;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A practitioner's out-of-office in Settings, in Chromium: the period an admin set for them shows who set it; a new
 * one is refused in words when it ends before it starts and saved when it is right, on this device's zone; removing
 * one takes it from the list. Dr. Chen is used (no clients), and every period is in the future and removed after.
 */
@ExtendWith(WebApp.class)
class OutOfOfficeSettingsIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    // getByLabel matches part of a label: the remove buttons' labels hold the names too (traps.md).
    static final com.microsoft.playwright.Page.GetByLabelOptions EXACT = new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true);

    @Test
    void aPractitionerPlansAndRemovesAPeriodAndSeesTheOneTheAdminSet(WebApp app) {
        var admin = app.token("admin.park");
        app.sql("DELETE FROM absence");
        var chenId = app.json(app.token("dr.chen"), "GET", "me", null).getString("id");
        var day = LocalDateTime.now(ZONE).plusDays(20).truncatedTo(ChronoUnit.DAYS);
        app.call(admin, "POST", "admin/out-of-office", Json.createObjectBuilder().add("memberIds", Json.createArrayBuilder().add(chenId))
                .add("startsAt", day.withHour(8).toString()).add("endsAt", day.withHour(18).toString()).add("timeZone", ZONE.getId())
                .add("html", "<p>Training day.</p>").build().toString());
        // axe is injected as an inline script, which the app's CSP rightly refuses: this context bypasses it.
        try (var desk = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900).setTimezoneId(ZONE.getId()))) {
            var chen = app.signIn(desk, "dr.chen");
            var page = chen.page();
            page.locator("button.open-settings").click();
            var periods = page.locator(".away-list li.away-period");
            assertThat(periods).hasCount(1);
            assertThat(periods.first()).containsText("(set by Jin Park)");

            page.getByLabel("Away from").fill(day.plusDays(5).withHour(9).toString().substring(0, 16));
            page.getByLabel("Back at").fill(day.plusDays(4).withHour(9).toString().substring(0, 16));
            page.getByLabel("Automatic reply").fill("I am at a conference. Dr. Rivera covers urgent questions.");
            page.getByLabel("Automatic reply").press("Control+a");
            page.locator("#away-reply button.ql-bold").click();
            page.locator("button.save-away").click();
            var status = page.locator("[aria-labelledby=away-title] [role=status]");
            assertThat(status).hasText("Not saved: The period must end after it starts");
            assertThat(periods).hasCount(1);

            page.getByLabel("Back at").fill(day.plusDays(7).withHour(17).toString().substring(0, 16));
            page.locator("button.save-away").click();
            assertThat(status).hasText("Saved. Clients who write while you are away get your reply.");
            assertThat(periods).hasCount(2);
            var saved = app.call(app.token("dr.chen"), "GET", "me/out-of-office", null).body();
            assertTrue(saved.contains("<strong>I am at a conference. Dr. Rivera covers urgent questions.</strong>"), "the reply is rich text: " + saved);
            AccessibilityIT.assertNoViolations(page, "settings with out-of-office");
            page.locator("[aria-labelledby=away-title]").scrollIntoViewIfNeeded();
            WebApp.screenshot(page, "out-of-office-settings-desktop");
            page.setViewportSize(390, 844);
            page.locator("button.save-away").scrollIntoViewIfNeeded();
            WebApp.screenshot(page, "out-of-office-settings-phone");
            assertEquals(2, app.sql("SELECT count(*) FROM absence a JOIN account c ON c.id = a.account_id WHERE c.username = 'dr.chen'"));
            assertEquals(1, app.sql("SELECT count(*) FROM absence WHERE zone = ? AND NOT colleagues AND set_by = account_id", ZONE.getId()),
                    "saved in the device's zone, by Dr. Chen, clients only: " + saved);

            // The period the admin set: the practitioner changes it, and it is theirs from then on.
            page.setViewportSize(1366, 900);
            periods.first().locator("button.change-away").click();
            assertThat(page.getByLabel("Automatic reply")).hasText("Training day.");
            page.getByLabel("Automatic reply").fill("Training day; back at six.");
            page.locator("button.save-away").click();
            assertThat(status).hasText("Saved. Clients who write while you are away get your reply.");
            assertThat(periods).hasCount(2);
            assertThat(periods.first()).not().containsText("set by");
            assertEquals(2, app.sql("SELECT count(*) FROM absence WHERE set_by = account_id"), "both are Dr. Chen's own now");

            periods.nth(1).locator("button.remove-away").click();
            assertThat(periods).hasCount(1);
        } finally {
            app.sql("DELETE FROM absence");
        }
    }

    @Test
    void anAdminSetsOutOfOfficeForTwoPractitionersAtOnceAndSeesTheTeamsAbsences(WebApp app) {
        app.sql("DELETE FROM absence");
        var day = LocalDateTime.now(ZONE).plusDays(30).truncatedTo(ChronoUnit.DAYS);
        try (var desk = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900).setTimezoneId(ZONE.getId()))) {
            var page = app.signIn(desk, "admin.park").page();
            page.locator(".task-away button.task-open").click();
            var periods = page.locator(".team-away-list li.away-period");
            assertThat(page.locator(".team-away-list li.empty")).hasText("Nobody is away or planned to be.");
            page.getByLabel("Dr. Maria Rivera", EXACT).check();
            page.getByLabel("Dr. Wei Chen", EXACT).check();
            page.getByLabel("Away from").fill(day.withHour(8).toString().substring(0, 16));
            page.getByLabel("Back at").fill(day.withHour(18).toString().substring(0, 16));
            page.getByLabel("Automatic reply").fill("The practice is closed for training today.");
            page.locator("button.configure-away").click();
            var status = page.locator("#team-away [role=status]");
            assertThat(status).hasText("Saved for 2 practitioners.");
            assertThat(periods).hasCount(2);
            assertThat(periods.first()).containsText("(set by Jin Park)");
            assertEquals(2, app.sql("SELECT count(*) FROM absence WHERE set_by <> account_id"));

            page.getByLabel("Dr. Wei Chen", EXACT).check();
            page.getByLabel("Automatic reply").fill("Again, which overlaps.");
            page.locator("button.configure-away").click();
            assertThat(status).hasText("Not saved: The period overlaps another out-of-office period");
            assertEquals(2, app.sql("SELECT count(*) FROM absence"), "nothing saved");
            AccessibilityIT.assertNoViolations(page, "the team's out of office");
            WebApp.screenshot(page, "team-out-of-office-desktop");
            page.setViewportSize(390, 844);
            page.locator("button.configure-away").scrollIntoViewIfNeeded();
            WebApp.screenshot(page, "team-out-of-office-phone");

            // The admin changes one member's period: the form takes it with that practitioner alone.
            var chens = periods.filter(new Locator.FilterOptions().setHasText("Dr. Wei Chen"));
            chens.locator("button.change-away").click();
            assertThat(status).hasText("Changing Dr. Wei Chen's period.");
            assertThat(page.getByLabel("Dr. Wei Chen", EXACT)).isChecked();
            assertThat(page.getByLabel("Dr. Maria Rivera", EXACT)).not().isChecked();
            assertThat(page.getByLabel("Automatic reply")).hasText("The practice is closed for training today.");
            page.getByLabel("Back at").fill(day.withHour(13).toString().substring(0, 16));
            page.getByLabel("Automatic reply").fill("Back after lunch.");
            page.setViewportSize(1366, 900);
            WebApp.screenshot(page, "team-out-of-office-change-desktop");
            page.setViewportSize(390, 844);
            page.locator("button.configure-away").scrollIntoViewIfNeeded();
            WebApp.screenshot(page, "team-out-of-office-change-phone");
            assertThat(page.locator("button.configure-away")).hasText("Save changes");
            page.locator("button.configure-away").click();
            assertThat(status).hasText("Changes saved.");
            assertThat(periods).hasCount(2);
            assertEquals(1, app.sql("SELECT count(*) FROM absence a JOIN account p ON p.id = a.account_id"
                    + " WHERE p.username = 'dr.chen' AND a.ends_at = ?", day.withHour(13).atZone(ZONE).toOffsetDateTime()), "Dr. Chen's period ends at 13:00 now");
            assertEquals(1, app.sql("SELECT count(*) FROM absence a JOIN account p ON p.id = a.account_id"
                    + " WHERE p.username = 'dr.rivera' AND a.ends_at = ?", day.withHour(18).atZone(ZONE).toOffsetDateTime()), "Dr. Rivera's stays as it was");
            assertThat(page.locator("button.configure-away")).hasText("Configure out of office");

            periods.first().locator("button.remove-away").click();
            assertThat(periods).hasCount(1);
        } finally {
            app.sql("DELETE FROM absence");
        }
    }

    @Test
    void theColleaguePickerAndTheAdminsMemberListMarkAPractitionerWhoIsAway(WebApp app) {
        app.sql("DELETE FROM absence");
        // Dr. Chen is away now, clients only (nobody of the demo practice writes to him otherwise).
        var end = LocalDateTime.now(ZONE).plusDays(2).withHour(15).truncatedTo(ChronoUnit.HOURS);
        app.json(app.token("dr.chen"), "POST", "me/out-of-office", Json.createObjectBuilder()
                .add("startsAt", LocalDateTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString())
                .add("endsAt", end.toString()).add("timeZone", ZONE.getId()).add("html", "<p>Away.</p>").build().toString());
        try (var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900).setTimezoneId(ZONE.getId()));
             var phone = app.context(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                     .setTimezoneId(ZONE.getId()))) {
            for (var context : java.util.List.of(desk, phone)) {
                var page = app.signIn(context, "dr.rivera").page();
                page.locator("button.new-conversation").click();
                var chen = page.locator("dialog.picker button.colleague",
                        new com.microsoft.playwright.Page.LocatorOptions().setHasText("Dr. Wei Chen"));
                assertThat(chen.locator(".away-mark")).hasText("Away until "
                        + OutOfOfficeNoticeIT.SHOWN.format(end.atZone(ZONE)));
                WebApp.screenshot(page, context == desk ? "colleague-picker-away-desktop" : "colleague-picker-away-phone");
            }
            // The admin's list of members marks him too.
            var park = app.signIn(desk.newPage(), "admin.park").page();
            park.locator(".task-members button.task-open").click();
            var row = park.locator("li.member", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Dr. Wei Chen"));
            assertThat(row.locator(".away-mark")).hasText("Away until " + OutOfOfficeNoticeIT.SHOWN.format(end.atZone(ZONE)));
            assertThat(park.locator("li.member", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Dr. Maria Rivera"))
                    .locator(".away-mark")).isHidden();
            row.scrollIntoViewIfNeeded();
            WebApp.screenshot(park, "members-away-desktop");
            park.setViewportSize(390, 844);
            row.scrollIntoViewIfNeeded();
            WebApp.screenshot(park, "members-away-phone");
        } finally {
            app.sql("DELETE FROM absence");
        }
    }
}
