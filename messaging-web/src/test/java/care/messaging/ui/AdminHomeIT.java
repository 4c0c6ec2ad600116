package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A practice admin's home is what an admin does, not an empty inbox: the practice's messaging settings,
 * its practitioners and admins, clients and their portal accounts, emergency access and the audit trail, each an entry that opens its
 * dialog or screen. Admins write to nobody (the server refuses them), so the app offers them no way to.
 * Photographed at 390, 768 and 1366 px.
 */
@ExtendWith(WebApp.class)
class AdminHomeIT {

    static final int[] WIDTHS = {390, 768, 1366};
    static final List<String> TASKS = List.of("Messaging settings", "Practitioners and admins", "Clients and portal accounts", "Announcements", "Out of office", "Emergency access", "Audit trail");

    @Test
    void anAdminLandsOnWhatTheyDoAndIsOfferedNoWayToWrite(WebApp app) {
        // axe is injected as an inline script, which the app's CSP rightly refuses: this context bypasses it.
        try (var desk = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900))) {
            var park = app.signIn(desk, "admin.park");
            var page = park.page();
            assertThat(page.locator("#admin-title")).hasText("Practice administration");
            assertThat(page.locator(".admin-task h3")).hasText(TASKS.toArray(String[]::new));
            assertThat(page.locator(".task-settings .task-state")).containsText("Messaging is on.");
            assertThat(page.locator(".nav-inbox")).hasText(Pattern.compile("^Home\\b"));
            for (var writing : List.of("button.new-conversation", "button.new-announcement", ".search", ".conversation-list", ".composer")) {
                assertThat(page.locator(writing)).hasCount(0);
            }
            AccessibilityIT.assertNoViolations(page, "admin home");
            for (var width : WIDTHS) {
                page.setViewportSize(width, width < 800 ? 844 : 900);
                assertThat(page.locator(".admin-task").last()).isVisible();
                WebApp.screenshot(page, "admin-home-" + width);
            }

            page.setViewportSize(1366, 900);
            page.locator(".task-settings button.task-open").click();
            assertThat(page.getByLabel("Allow messaging in the practice")).isChecked();
            assertThat(page.getByLabel("Notice under the message box")).isVisible();
            page.locator("dialog.settings button.close").click();
            page.locator(".task-people button.task-open").click();
            assertThat(page.getByLabel("Find a client")).isFocused();
            page.locator("#people button.back-home").click();
            assertThat(page.locator("#admin-title")).isFocused();
            page.locator(".task-emergency button.task-open").click();
            assertThat(page.locator("#emergency-title")).isFocused();
            page.locator(".nav-inbox").click();
            assertThat(page.locator("#admin-title")).isVisible();
            page.locator(".task-audit button.task-open").click();
            assertThat(page.locator("dialog.settings h2")).hasText("Audit trail");
        }
        // What the app leaves out, the server refuses: an admin starts no conversation, and announces only for the practice.
        var admin = app.token("admin.park");
        var alex = app.json(app.token("dr.rivera"), "GET", "conversations/" + app.conversationWith(app.token("dr.rivera"), "Alex Morgan"), null)
                .getJsonObject("counterpart").getString("id");
        assertRefused(app.call(admin, "POST", "conversations", "{\"clientId\":\"" + alex + "\"}"), 403, "wrong-role");
        assertRefused(app.call(admin, "POST", "announcements", "{\"announcementId\":\"" + UUID.randomUUID()
                + "\",\"html\":\"<p>Hello</p>\",\"clientIds\":[\"" + alex + "\"]}"), 400, "invalid-audience");
    }

    @Test
    void anAdminInvitesAClientsPortalAccountAndTheClientCanSignInOnceTheyAccept(WebApp app) {
        notSignedUp(app, "casey.diaz");
        try (var desk = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900)); var caseyBrowser = app.context()) {
            var page = app.signIn(desk, "admin.park").page();
            page.locator(".task-people button.task-open").click();
            page.getByLabel("Find a client").fill("Casey");
            var casey = page.locator("button.person:has-text('Casey Diaz')");
            assertThat(casey.locator(".tag")).hasText("Not signed up");
            screenshots(page, "admin-people", casey);
            casey.click();
            var dialog = page.locator("dialog.settings");
            var account = dialog.locator(".portal-account");
            assertThat(account).containsText("Not signed up");
            assertThat(dialog.getByLabel("Allow messaging with Casey Diaz")).isChecked();
            assertThat(account.locator("button.invite")).hasText("Invite");
            AccessibilityIT.assertNoViolations(page, "a client's portal accounts");
            screenshots(page, "admin-portal-account", account);

            account.locator("button.invite").click();
            var link = account.getByLabel("Invitation link for Casey Diaz");
            assertThat(link).hasValue(java.util.regex.Pattern.compile("^http://[^/]+/messaging/portal/#invitation=[A-Za-z0-9_-]{43}$"));
            assertThat(account.locator(".invitation-state")).containsText("Invited, expires");
            var first = link.inputValue();
            desk.grantPermissions(java.util.List.of("clipboard-read", "clipboard-write"));
            account.locator("button.copy").click();
            assertThat(account.locator(".invitation-link [role=status]")).hasText("Copied");
            assertEquals(first, page.evaluate("() => navigator.clipboard.readText()"), "the copy button copies the link");
            AccessibilityIT.assertNoViolations(page, "an invitation link");
            screenshots(page, "admin-invitation-link", account);

            account.locator("button.resend").click();
            assertThat(link).not().hasValue(first);
            var code = link.inputValue().replaceAll("^.*#invitation=", "");
            assertEquals(0, app.sql("SELECT count(*) FROM invitation i JOIN account a ON a.id = i.account_id "
                    + "WHERE a.username = 'casey.diaz' AND i.revoked_at IS NULL AND i.redeemed_at IS NULL AND i.code_hash = sha256(convert_to(?, 'UTF8'))",
                    first.replaceAll("^.*#invitation=", "")), "sending a new invitation revoked the first link");
            account.locator("button.revoke").click();
            assertThat(account.locator("button.invite")).hasText("Invite");
            assertThat(account.locator(".invitation-link")).hasCount(0);
            screenshots(page, "admin-invitation-revoked", account);
            assertEquals(409, app.call(app.providerToken("casey.diaz", "client"), "POST", "invitations/redemption",
                    "{\"code\":\"" + code + "\"}").statusCode(), "a revoked link binds nothing");

            account.locator("button.invite").click();
            var live = link.inputValue().replaceAll("^.*#invitation=", "");
            dialog.locator("button.close").click();
            casey.click();
            assertThat(account.locator(".invitation-state")).containsText("Invited, expires");
            assertThat(account.locator(".invitation-link")).hasCount(0);
            screenshots(page, "admin-invited", account);
            // Casey accepts: the dev login's token of casey.diaz is what the provider would issue her.
            app.json(app.providerToken("casey.diaz", "client"), "POST", "invitations/redemption", "{\"code\":\"" + live + "\"}");
            dialog.locator("button.close").click();
            assertThat(casey.locator(".tag")).hasText("Signed up");

            var portal = caseyBrowser.newPage();
            portal.navigate(app.base() + "portal/");
            assertThat(portal.locator("button.demo-user[data-username='casey.diaz']")).isEnabled();
            var client = app.signIn(portal, "casey.diaz").open("Dr. Maria Rivera");
            assertThat(client.message("Welcome to Riverside Therapy, Casey.")).hasCount(1);
        } finally {
            notSignedUp(app, "casey.diaz");
        }
    }

    @Test
    void anAdminReadsAConversationUnderEmergencyAccessOnlyWithAReason(WebApp app) {
        var rivera = app.token("dr.rivera");
        var thread = app.conversationWith(rivera, "Alex Morgan");
        var latest = "Checking in before Friday " + UUID.randomUUID();
        app.send(rivera, thread, "<p>" + latest + "</p>");
        var grants = app.sql("SELECT count(*) FROM emergency_access WHERE conversation_id = ?::uuid", thread);
        var reads = app.sql("SELECT count(*) FROM audit_event WHERE action = 'emergency.read' AND conversation_id = ?::uuid", thread);
        var reason = "Client said they were unsafe; the practitioner cannot be reached " + UUID.randomUUID();
        try (var desk = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900))) {
            var page = app.signIn(desk, "admin.park").page();
            page.locator(".task-emergency button.task-open").click();
            page.getByLabel("Show conversations with").fill("Alex");
            var row = page.locator("button.practice-conversation:has-text('Dr. Maria Rivera and Alex Morgan')");
            assertThat(row).hasCount(1);
            assertThat(page.locator("button.practice-conversation")).hasCount(1);
            screenshots(page, "admin-emergency-list", row);
            row.click();
            var dialog = page.locator("dialog.settings");
            dialog.getByLabel("Why do you need to read this conversation?").fill("because");
            dialog.locator("button.grant-access").click();
            assertThat(dialog.locator("[role=status]")).containsText("Not opened:");
            assertEquals(grants, app.sql("SELECT count(*) FROM emergency_access WHERE conversation_id = ?::uuid", thread), "no access for a reason too short");
            AccessibilityIT.assertNoViolations(page, "asking for emergency access");
            screenshots(page, "admin-emergency-reason", dialog.locator("button.grant-access"));

            dialog.getByLabel("Why do you need to read this conversation?").fill(reason);
            dialog.locator("button.grant-access").click();
            var reader = page.locator("#reader");
            assertThat(reader.locator("#reader-title")).hasText("Dr. Maria Rivera and Alex Morgan");
            assertThat(reader.locator(".emergency-notice")).containsText("Emergency access until");
            assertThat(reader.locator("li.message").filter(new Locator.FilterOptions().setHasText(latest))).hasCount(1);
            assertThat(page.locator(".composer, .ql-editor, button.delete-message")).hasCount(0);
            assertEquals(grants + 1, app.sql("SELECT count(*) FROM emergency_access WHERE conversation_id = ?::uuid", thread));
            assertTrue(app.sql("SELECT count(*) FROM audit_event WHERE action = 'emergency.read' AND conversation_id = ?::uuid", thread) > reads,
                    "the read is audited as emergency access");
            AccessibilityIT.assertNoViolations(page, "reading under emergency access");
            screenshots(page, "admin-emergency-reader", reader.locator("li.message").last());

            reader.locator("button.back-home").click();
            row.click();
            assertThat(dialog.locator(".access-history")).containsText(reason);
            assertThat(dialog.locator(".access-history .tag")).hasText("Open");
            assertThat(dialog.locator("button.read-conversation")).isVisible();
            assertThat(dialog.locator("button.grant-access")).hasCount(0);
            screenshots(page, "admin-emergency-history", dialog.locator("button.read-conversation"));
        }
    }

    /** The screen at each width, with the given part in view. */
    static void screenshots(Page page, String name, Locator inView) {
        for (var width : WIDTHS) {
            page.setViewportSize(width, width < 800 ? 844 : 900);
            inView.scrollIntoViewIfNeeded();
            WebApp.screenshot(page, name + "-" + width);
        }
        page.setViewportSize(1366, 900);
    }

    static void notSignedUp(WebApp app, String username) {
        app.sql("UPDATE account SET subject = NULL, signed_up_at = NULL WHERE username = ?", username);
        app.sql("UPDATE invitation SET revoked_at = now() WHERE revoked_at IS NULL AND redeemed_at IS NULL "
                + "AND account_id = (SELECT id FROM account WHERE username = ?)", username);
    }

    static void assertRefused(HttpResponse<String> reply, int status, String type) {
        assertEquals(status, reply.statusCode(), reply.body());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(MicroNode.json(reply).getString("type").endsWith(":" + type), reply.body());
    }
}
