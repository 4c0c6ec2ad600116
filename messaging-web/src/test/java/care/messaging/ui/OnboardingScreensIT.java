package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A practice admin onboards people in the app: adds a practitioner, invites them and switches them off and on; adds
 * an adult client and a minor with two guardians, invites a guardian, adds a co-guardian, discharges and re-admits;
 * imports clients from a CSV file with a line that has a problem, sees it on its line in the preview, and imports the
 * valid lines; a file whose every line is valid is imported whole. What the screens say is checked against the database. Photographed at 390 px and desktop width.
 */
@ExtendWith(WebApp.class)
class OnboardingScreensIT {

    @Test
    void anAdminAddsAPractitionerInvitesThemAndSwitchesThemOffAndOn(WebApp app) {
        var name = "Dr. Noor Haddad " + letters();
        var email = letters() + "@riverside.example";
        try (var desk = desk(app)) {
            var page = app.signIn(desk, "admin.park").page();
            page.locator(".task-members button.task-open").click();
            assertThat(page.locator("#members-title")).isFocused();
            var members = page.locator("ul.members");
            assertThat(members.locator("li.member:has-text('Dr. Maria Rivera')")).hasCount(1);
            var self = members.locator("li.member:has(.member-role:text-is('Admin · you'))");
            assertThat(self).hasCount(1);
            assertThat(self.locator(".member-name")).hasText("Jin Park");
            assertThat(self.locator("button.switch-off")).hasCount(0);
            AccessibilityIT.assertNoViolations(page, "practitioners and admins");
            screenshots(page, "admin-members", self);

            page.locator("button.add-member").click();
            var form = page.locator("dialog.settings form.add-member-form");
            assertThat(form.getByLabel("Name")).isFocused();
            form.getByLabel("Name").fill(name);
            form.getByLabel("Role").selectOption("practitioner");
            form.getByLabel("E-mail (optional)").fill("not-an-address");
            form.locator("button.save-member").click();
            assertThat(form.locator("[role=status]")).hasText(Pattern.compile("^Not added: This is not an e-mail address"));
            assertThat(form.getByLabel("E-mail (optional)")).hasAttribute("aria-invalid", "true");
            assertThat(form.getByLabel("E-mail (optional)")).isFocused();
            assertEquals(0, app.sql("SELECT count(*) FROM account WHERE display_name = ?", name), "a refusal adds nobody");
            AccessibilityIT.assertNoViolations(page, "adding a member, refused");
            screenshots(page, "admin-member-add", form.locator("button.save-member"));

            form.getByLabel("E-mail (optional)").fill(email);
            form.locator("button.save-member").click();
            assertThat(page.locator("dialog.settings")).hasCount(0);
            var row = members.locator("li.member").filter(new Locator.FilterOptions().setHasText(name));
            assertThat(row).isFocused();
            assertThat(row.locator(".member-role")).hasText("Practitioner");
            assertThat(row.locator(".account-state .tag")).hasText("Not signed up");
            assertThat(page.locator("#members > [role=status]")).containsText(name + " was added.");
            assertEquals(1, app.sql("SELECT count(*) FROM account WHERE display_name = ? AND email = ? AND role = 'practitioner' "
                    + "AND enabled AND subject IS NULL", name, email));

            row.locator("button.invite").click();
            var link = row.getByLabel("Invitation link for " + name);
            assertThat(link).hasValue(Pattern.compile("^http://[^/]+/messaging/#invitation=[A-Za-z0-9_-]{43}$"));
            assertThat(row.locator(".invitation-state")).containsText("Invited, expires");
            screenshots(page, "admin-member-invited", row);

            row.locator("button.switch-off").click();
            var confirm = page.locator("dialog.confirm");
            assertThat(confirm.locator("h2")).hasText("Switch off " + name + "?");
            assertThat(confirm.locator("button.confirm-cancel")).isFocused();
            screenshots(page, "admin-member-switch-off-confirm", confirm.locator("button.confirm-action"));
            confirm.locator("button.confirm-action").click();
            assertThat(row.locator(".tag.off")).hasText("Switched off");
            assertThat(row.locator("button.switch-on")).isFocused();
            assertThat(row.locator(".member-note")).hasText(name + " is switched off.");
            assertEquals(1, app.sql("SELECT count(*) FROM account WHERE display_name = ? AND NOT enabled", name));
            screenshots(page, "admin-member-switched-off", row);

            row.locator("button.switch-on").click();
            assertThat(row.locator("button.switch-off")).isVisible();
            assertThat(row.locator(".tag.off")).hasCount(0);
            assertEquals(1, app.sql("SELECT count(*) FROM account WHERE display_name = ? AND enabled", name));

            page.locator("#members button.back-home").click();
            assertThat(page.locator("#admin-title")).isFocused();
        }
    }

    @Test
    void anAdminAddsAnAdultAndAMinorWithTwoGuardiansInvitesAGuardianAndDischargesAndReadmits(WebApp app) {
        var suffix = letters();
        var adult = "Odalys Wren " + suffix;
        var minor = "Juniper Quist " + suffix;
        try (var desk = desk(app)) {
            var page = app.signIn(desk, "admin.park").page();
            page.locator(".task-people button.task-open").click();
            page.locator("button.add-client").click();
            var form = page.locator("dialog.settings form.add-client-form");
            assertThat(form.locator("#client-name")).isFocused();
            form.locator("#client-name").fill(adult);
            form.getByLabel("Date of birth (optional)").fill("1990-02-28");
            assertThat(form.getByLabel("This client is a minor")).not().isChecked();
            assertThat(form.locator(".minor-only")).isHidden();
            form.locator("#client-email").fill(suffix + "@mail.example");
            AccessibilityIT.assertNoViolations(page, "adding an adult client");
            screenshots(page, "admin-client-add-adult", form.locator("button.save-client"));
            form.locator("button.save-client").click();

            var record = page.locator("dialog.settings");
            assertThat(record.locator("h2")).hasText(adult);
            assertThat(record.locator(".added-note")).containsText(adult + " was added.");
            assertThat(record.locator(".care-state")).hasText(Pattern.compile("In care\\s+An adult, born"));
            var own = record.locator(".portal-account");
            assertThat(own).hasCount(1);
            assertThat(own.locator(".account-who")).containsText("the client");
            assertThat(own.locator("button.invite")).hasText("Invite");
            assertThat(record.locator("button.open-co-guardian")).hasCount(0);
            assertEquals(1, app.sql("SELECT count(*) FROM client WHERE display_name = ? AND NOT minor AND date_of_birth = '1990-02-28'", adult));
            record.locator("button.close").click();
            assertThat(page.locator("button.add-client")).isFocused();

            page.locator("button.add-client").click();
            form.locator("#client-name").fill(minor);
            form.getByLabel("Date of birth (optional)").fill(LocalDate.now().minusYears(10).toString());
            assertThat(form.getByLabel("This client is a minor")).isChecked();
            assertThat(form.locator(".adult-only")).isHidden();
            var guardians = form.locator("fieldset.guardian");
            assertThat(guardians).hasCount(1);
            for (var n = 2; n <= 4; n++) {
                form.locator("button.add-guardian").click();
                assertThat(guardians).hasCount(n);
                assertThat(guardians.nth(n - 1).getByLabel("Name")).isFocused();
            }
            assertThat(form.locator("button.add-guardian")).isHidden();
            assertThat(form.locator("#guardians-room")).hasText("A client can have at most 4 guardians.");
            guardians.nth(3).locator("button.remove-guardian").click();
            guardians.nth(2).locator("button.remove-guardian").click();
            assertThat(guardians).hasCount(2);
            assertThat(form.locator("button.add-guardian")).isFocused();

            form.locator("button.save-client").click();
            assertThat(form.locator("[role=status]")).hasText("Not added: write each guardian's name, or remove the guardian.");
            assertThat(guardians.nth(0).getByLabel("Name")).isFocused();
            assertThat(guardians.nth(1).getByLabel("Name")).hasAttribute("aria-invalid", "true");
            guardians.nth(0).getByLabel("Name").fill("Marlowe Quist " + suffix);
            guardians.nth(0).getByLabel("E-mail (optional)").fill(suffix + "@mail.example");
            guardians.nth(1).getByLabel("Name").fill("Tamsin Quist " + suffix);
            form.locator("button.save-client").click();
            assertThat(form.locator("[role=status]")).hasText("Not added: Someone in the practice already has this e-mail address.");
            assertEquals(0, app.sql("SELECT count(*) FROM client WHERE display_name = ?", minor), "a refusal adds nobody");
            guardians.nth(0).getByLabel("E-mail (optional)").fill("marlowe." + suffix + "@family.example");
            AccessibilityIT.assertNoViolations(page, "adding a minor with guardians");
            screenshots(page, "admin-client-add-minor", form.locator("button.save-client"));
            form.locator("button.save-client").click();

            assertThat(record.locator("h2")).hasText(minor);
            assertThat(record.locator(".care-state")).hasText(Pattern.compile("In care\\s+A minor, born"));
            var accounts = record.locator(".portal-account");
            assertThat(accounts).hasCount(2);
            assertThat(accounts.locator("button.invite")).hasCount(2);
            var marlowe = accounts.filter(new Locator.FilterOptions().setHasText("Marlowe Quist " + suffix));
            marlowe.locator("button.invite").click();
            assertThat(marlowe.getByLabel("Invitation link for Marlowe Quist " + suffix))
                    .hasValue(Pattern.compile("^http://[^/]+/messaging/portal/#invitation=[A-Za-z0-9_-]{43}$"));
            AccessibilityIT.assertNoViolations(page, "a new client's record with an invitation");
            screenshots(page, "admin-client-added", marlowe);
            assertEquals(2, app.sql("SELECT count(*) FROM client_account ca JOIN client c ON c.id = ca.client_id "
                    + "WHERE c.display_name = ? AND c.minor AND ca.relationship = 'guardian'", minor));

            record.locator("button.open-co-guardian").click();
            var co = record.locator("form.co-guardian-form");
            assertThat(co.getByLabel("Name")).isFocused();
            co.getByLabel("Name").fill("Idris Quist " + suffix);
            co.locator("button.save-co-guardian").click();
            var idris = accounts.filter(new Locator.FilterOptions().setHasText("Idris Quist " + suffix));
            assertThat(idris).isFocused();
            assertThat(idris.locator("button.invite")).hasText("Invite");
            assertThat(accounts).hasCount(3);

            record.locator("button.discharge").click();
            var confirm = page.locator("dialog.confirm");
            assertThat(confirm.locator("h2")).hasText("Discharge " + minor + "?");
            assertThat(confirm.locator("button.confirm-cancel")).isFocused();
            screenshots(page, "admin-client-discharge-confirm", confirm.locator("button.confirm-action"));
            confirm.locator("button.confirm-action").click();
            assertThat(record.locator(".care-state .tag")).hasText("Discharged");
            assertThat(record.locator("button.readmit")).isFocused();
            assertEquals(1, app.sql("SELECT count(*) FROM client WHERE display_name = ? AND NOT enabled", minor));
            screenshots(page, "admin-client-discharged", record.locator("button.readmit"));

            // Closed and found again: the admin's search shows a discharged client, marked, to re-admit.
            record.locator("button.close").click();
            page.getByLabel("Find a client").fill(minor);
            var found = page.locator("button.person", new Page.LocatorOptions().setHasText(minor));
            assertThat(found.locator(".tag.off")).hasText("Discharged");
            screenshots(page, "admin-client-found-discharged", found);
            found.click();
            assertThat(record.locator(".care-state .tag")).hasText("Discharged");
            record.locator("button.readmit").click();
            confirm.locator("button.confirm-action").click();
            assertThat(record.locator(".care-state .tag")).hasText("In care");
            assertThat(record.locator("button.discharge")).isFocused();
            assertEquals(1, app.sql("SELECT count(*) FROM client WHERE display_name = ? AND enabled", minor));
        }
    }

    @Test
    void anAdminImportsTheValidLinesOfAFileWhoseBadLineThePreviewShows(WebApp app) {
        var suffix = letters();
        var ysolde = "Ysolde Brack " + suffix;
        var caius = "Caius Brack " + suffix;
        var thaddeus = "Thaddeus Vell " + suffix;
        var csv = "name,date_of_birth,email,guardian_name,guardian_email\n"
                + ysolde + ",1985-06-01,ysolde." + suffix + "@mail.example,,\n"
                + caius + "," + LocalDate.now().minusYears(8) + ",,Ione Brack " + suffix + ",ione." + suffix + "@family.example\n"
                + thaddeus + ",31/12/1990,,,\n";
        try (var phone = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            var page = app.signIn(phone, "admin.park").page();
            page.locator(".task-people button.task-open").click();
            page.locator("button.import-clients").click();
            assertThat(page.locator("#import-title")).isFocused();
            assertThat(page.locator(".import-format")).containsText("date_of_birth");
            AccessibilityIT.assertNoViolations(page, "importing clients");
            screenshots(page, "admin-import", page.locator("#import-file"));

            page.locator("#import-file").setInputFiles(file("wrong.csv", "name,ssn\nA,1\n"));
            assertThat(page.locator(".import-status")).containsText("This file cannot be imported: Unknown or repeated column 'ssn'");

            page.locator("#import-file").setInputFiles(file("clients.csv", csv));
            assertThat(page.locator(".import-summary")).hasText("The file has 3 client lines: 2 can be added, 1 has problems (see below).");
            var lines = page.locator("table.import-lines tbody tr");
            assertThat(lines).hasCount(3);
            var bad = page.locator("table.import-lines tr[data-line='4']");
            assertThat(bad.locator("td[data-label='Name']")).hasText(thaddeus);
            assertThat(bad.locator("td[data-label='Status']")).hasText("Has problems");
            assertThat(bad.locator("td[data-label='Problems']")).hasText(Pattern.compile("^Date of birth: Write the date of birth like 2015-04-30"));
            var minorLine = page.locator("table.import-lines tr[data-line='3']");
            assertThat(minorLine.locator("td[data-label='Minor']")).hasText("Yes");
            assertThat(minorLine.locator("td[data-label='Guardians']")).hasText("1");
            assertThat(page.locator("button.import-all")).hasCount(0);
            assertEquals(0, app.sql("SELECT count(*) FROM client WHERE display_name IN (?, ?, ?)", ysolde, caius, thaddeus), "a preview adds nobody");
            AccessibilityIT.assertNoViolations(page, "an import's preview");
            screenshots(page, "admin-import-preview", bad);

            page.locator("button.import-valid").click();
            assertThat(page.locator(".import-summary")).hasText("Imported 2 clients; skipped 1 line. Choose a name to see that client and invite them.");
            assertThat(page.locator(".import-summary")).isFocused();
            assertThat(lines.locator("td[data-label='Status']")).hasText(new String[] {"Added", "Added", "Skipped"});
            assertEquals(1, app.sql("SELECT count(*) FROM client WHERE display_name = ? AND NOT minor", ysolde));
            assertEquals(1, app.sql("SELECT count(*) FROM client c JOIN client_account ca ON ca.client_id = c.id "
                    + "JOIN account g ON g.id = ca.account_id WHERE c.display_name = ? AND c.minor AND g.display_name = ?", caius, "Ione Brack " + suffix));
            assertEquals(0, app.sql("SELECT count(*) FROM client WHERE display_name = ?", thaddeus), "the bad line was skipped");
            screenshots(page, "admin-import-result", page.locator(".import-summary"));
            page.locator("table.import-lines button.open-client:text-is('" + caius + "')").click();
            var record = page.locator("dialog.settings");
            assertThat(record.locator("h2")).hasText(caius);
            assertThat(record.locator(".portal-account .account-who")).containsText("Ione Brack " + suffix + " — guardian");
            assertThat(record.locator(".portal-account button.invite")).hasText("Invite");
            record.locator("button.close").click();

            var lysander = "Lysander Brack " + suffix;
            page.locator("#import-file").setInputFiles(file("one.csv", "Name,Email\n" + lysander + ",lysander." + suffix + "@mail.example\n"));
            assertThat(page.locator(".import-summary")).hasText("The file has 1 client line, and it can be added.");
            assertThat(page.locator("button.import-valid")).hasCount(0);
            page.locator("button.import-all").click();
            assertThat(page.locator(".import-summary")).hasText("Imported 1 client. Choose a name to see that client and invite them.");
            assertEquals(1, app.sql("SELECT count(*) FROM client WHERE display_name = ?", lysander), "every line, all at once");

            page.locator("#import button.back-home").click();
            assertThat(page.getByLabel("Find a client")).isFocused();
            page.getByLabel("Find a client").fill(suffix);
            assertThat(page.locator("button.person")).hasCount(3);
        }
    }

    static BrowserContext desk(WebApp app) {
        // axe is injected as an inline script, which the app's CSP rightly refuses: this context bypasses it.
        return app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900));
    }

    /** The page at a phone's width and a desktop's, with the given part in view; then back to the width it had. */
    static void screenshots(Page page, String name, Locator inView) {
        var before = page.viewportSize();
        for (var width : new int[] {390, 1366}) {
            page.setViewportSize(width, width < 800 ? 844 : 900);
            inView.scrollIntoViewIfNeeded();
            WebApp.screenshot(page, name + "-" + width);
        }
        page.setViewportSize(before.width, before.height);
    }

    static FilePayload file(String name, String text) {
        return new FilePayload(name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Eight consonants, so that names and searches in the shared app are this test's own, and no other test's search
     * ("Sam", "case", "zz") finds the people added here: every such search holds a vowel or a z.
     */
    static String letters() {
        var consonants = "bcdfghjklmnpqrstvwx";
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (var i = 0; i < 8; i++) {
            word.append(consonants.charAt(random.nextInt(consonants.length())));
        }
        return word.toString();
    }
}
