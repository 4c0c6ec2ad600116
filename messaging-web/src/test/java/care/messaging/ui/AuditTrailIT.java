package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's audit trail from their home: verifying the practice's chain says whether it is intact and, when
 * a row was changed behind the application's back, where it breaks; exporting a period downloads the
 * server's CSV. The changed row is put back.
 */
@ExtendWith(WebApp.class)
class AuditTrailIT {

    static final String PRACTICE_ROWS = "SELECT count(*) FROM audit_event WHERE chain = (SELECT id FROM practice WHERE name = 'Riverside Therapy')";
    static final String FIRST_ROW = "chain = (SELECT id FROM practice WHERE name = 'Riverside Therapy') AND no = 1";

    @Test
    void theAdminVerifiesTheTrailAndIsToldWhereItBreaks(WebApp app) {
        var admin = app.token("admin.park");
        var checked = app.json(admin, "GET", "admin/audit/verification", null).getJsonNumber("rowsChecked").longValue();
        try (var desk = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900))) {
            var page = app.signIn(desk, "admin.park").page();
            page.locator(".task-audit button.task-open").click();
            var dialog = page.locator("dialog.settings");
            dialog.locator("button.verify-audit").click();
            var verdict = dialog.locator(".verdict");
            assertThat(verdict).hasText(Pattern.compile("^The audit trail is intact: [\\d,.\\s\u00a0\u202f]+ rows checked\\.$"));
            var shown = Long.parseLong(verdict.textContent().replaceAll("\\D", ""));
            assertTrue(shown > checked, "every row, the ones written since included: " + shown + " after " + checked);
            assertThat(dialog.locator(".head code")).hasText(Pattern.compile("^[0-9a-f]{64}$"));
            AccessibilityIT.assertNoViolations(page, "the audit trail");
            AdminHomeIT.screenshots(page, "admin-audit-intact", verdict);

            assertEquals(1, app.sql("UPDATE audit_event SET outcome = outcome || '!' WHERE " + FIRST_ROW));
            dialog.locator("button.verify-audit").click();
            assertThat(verdict).hasText("The audit trail is broken at row 1: a row was changed.");
            assertThat(verdict).hasClass(Pattern.compile("\\bbroken\\b"));
            AdminHomeIT.screenshots(page, "admin-audit-broken", verdict);
        } finally {
            app.sql("UPDATE audit_event SET outcome = rtrim(outcome, '!') WHERE " + FIRST_ROW);
        }
        assertTrue(app.json(admin, "GET", "admin/audit/verification", null).getBoolean("ok"), "the row is back as it was");
    }

    @Test
    void theAdminDownloadsThePeriodsEventsAsCsv(WebApp app) throws IOException {
        try (var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900).setAcceptDownloads(true))) {
            var page = app.signIn(desk, "admin.park").page();
            page.locator(".task-audit button.task-open").click();
            var dialog = page.locator("dialog.settings");
            var before = app.sql(PRACTICE_ROWS);
            var download = page.waitForDownload(() -> dialog.locator("button.export-audit").click());
            var after = app.sql(PRACTICE_ROWS);
            assertTrue(download.suggestedFilename().matches("audit-events-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.csv"), download.suggestedFilename());
            var csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            var lines = csv.split("\r\n");
            assertTrue(lines[0].startsWith("practiceId,no,at,actorId,actorRole"), lines[0]);
            var exported = lines.length - 1;
            // Every row of the practice's chain (all written today, inside the default 30 days) as the export read them.
            assertTrue(before <= exported && exported <= after, exported + " rows, the chain held " + before + " to " + after);
            var status = dialog.locator(".audit-export [role=status]");
            assertThat(status).hasText(Pattern.compile("^Downloaded the events from \\d{4}-\\d{2}-\\d{2} to \\d{4}-\\d{2}-\\d{2} \\(.+ rows\\)\\.$"));
            assertEquals(exported, Long.parseLong(status.textContent().replaceAll(".*\\((.+) rows.*", "$1").replaceAll("\\D", "")));
            assertTrue(app.sql("SELECT count(*) FROM audit_event WHERE action = 'audit.export'") > 0, "the export is audited");

            dialog.getByLabel("From").fill("2020-01-01");
            dialog.locator("button.export-audit").click();
            assertThat(dialog.locator(".audit-export [role=status]")).hasText(Pattern.compile("^Not exported: .+"));
            AdminHomeIT.screenshots(page, "admin-audit-export", dialog.locator("button.export-audit"));
        }
    }
}
