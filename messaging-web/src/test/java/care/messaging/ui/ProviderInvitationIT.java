package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.messaging.testing.MicroNode;
import com.microsoft.playwright.Page;
import jakarta.json.Json;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An invitation end to end against the real Keycloak: the admin invites a client the realm knows (riley.new)
 * but the directory has never bound, and copies the link; a practitioner had written to that client; the
 * client opens the link in a browser of their own, signs in on Keycloak's page, lands in the portal and reads
 * the message that waited. The same link again, in another fresh browser, is refused with a page that says so.
 */
@ExtendWith(ProviderApp.class)
class ProviderInvitationIT {

    static final String RILEY = "6f1d2c3b-4a59-4e8d-9b7a-1c2d3e4f5a01";

    @Test
    void anInvitedClientSignsInAtTheProviderReadsWhatWaitedAndTheLinkWorksOnce(ProviderApp app) throws Exception {
        var clientId = seedClient(app, "Riley Novak");
        var rivera = app.token(ProviderApp.PRACTITIONER_APP, "dr.rivera");
        var started = app.call(rivera, "POST", "conversations", "{\"clientId\":\"" + clientId + "\"}");
        var conversation = MicroNode.json(started).getString("id");
        var waiting = "Welcome Riley, your first session is on Monday " + UUID.randomUUID();
        var sent = app.call(rivera, "POST", "conversations/" + conversation + "/messages", Json.createObjectBuilder()
                .add("clientMessageId", UUID.randomUUID().toString()).add("html", "<p>" + waiting + "</p>").build().toString());
        assertEquals(201, sent.statusCode(), sent.body());

        String link;
        try (var desk = app.context()) {
            var page = desk.newPage();
            app.signIn(page, "admin.park", false);
            page.locator(".task-people button.task-open").click();
            page.getByLabel("Find a client").fill("Riley");
            page.locator("button.person:has-text('Riley Novak')").click();
            var account = page.locator("dialog.settings .portal-account");
            account.locator("button.invite").click();
            link = account.getByLabel("Invitation link for Riley Novak").inputValue();
            AdminHomeIT.screenshots(page, "provider-admin-invitation", account);
        }
        assertEquals(app.home(true), link.replaceAll("#invitation=.*$", ""), "a portal link: " + link);

        try (var phone = app.phone()) {
            var page = phone.newPage();
            page.navigate(link);
            assertThat(page.locator("main.signin [role=status]")).containsText("You have been invited");
            assertEquals(app.home(true), page.url(), "the code left the address bar at once");
            screenshots(page, "invitation-signin");
            page.locator("main.signin button.provider-signin").click();
            assertThat(page.locator("#kc-form-login")).isVisible();
            ProviderApp.enterPassword(page, "riley.new");
            var riley = AppPage.of(page);
            riley.awaitReady();
            assertThat(riley.message(waiting)).hasCount(1);
            riley.assertNothingStored();
            screenshots(page, "invitation-accepted");
        }
        try (var db = DriverManager.getConnection(app.database(), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var bound = db.prepareStatement("SELECT count(*) FROM account WHERE subject = ? AND display_name = 'Riley Novak'")) {
            bound.setString(1, RILEY);
            try (var rows = bound.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "Keycloak's sub is the account's subject now");
            }
        }

        try (var again = app.context()) {
            var page = again.newPage();
            page.navigate(link);
            page.locator("main.signin button.provider-signin").click();
            ProviderApp.enterPassword(page, "riley.new");
            assertThat(page.locator("main.invitation-refused h1")).hasText("This invitation has already been used");
            AppPage.of(page).assertNothingStored();
            screenshots(page, "invitation-used");
            page.locator("main.invitation-refused button.continue").click();
            assertThat(AppPage.of(page).message(waiting)).hasCount(1);
        }
    }

    /**
     * Onboarding end to end: the admin adds a minor with a guardian the realm knows (pat.guardian) through the API the
     * admin screens use, a practitioner writes before anyone signed up, the admin invites the guardian, and the
     * guardian opens the link on a phone, signs in on Keycloak's page and reads what waited, for the child.
     */
    @Test
    void anAdminOnboardsAMinorAndAGuardianWhoSignsInAtTheProviderAndReadsWhatWaited(ProviderApp app) {
        var admin = app.token(ProviderApp.PRACTITIONER_APP, "admin.park");
        var added = app.call(admin, "POST", "admin/clients", Json.createObjectBuilder().add("displayName", "Jamie Quinn")
                .add("dateOfBirth", java.time.LocalDate.now().minusYears(9).toString())
                .add("guardians", Json.createArrayBuilder().add(Json.createObjectBuilder().add("displayName", "Pat Quinn")
                        .add("email", "pat.guardian@mail.example"))).build().toString());
        assertEquals(201, added.statusCode(), added.body());
        var record = MicroNode.json(added);
        var guardian = record.getJsonArray("accounts").getJsonObject(0);
        assertEquals("guardian", guardian.getString("relationship"));

        var rivera = app.token(ProviderApp.PRACTITIONER_APP, "dr.rivera");
        var conversation = MicroNode.json(app.call(rivera, "POST", "conversations", "{\"clientId\":\"" + record.getString("id") + "\"}")).getString("id");
        var waiting = "Hello Pat, Jamie's first appointment is on Tuesday " + UUID.randomUUID();
        var sent = app.call(rivera, "POST", "conversations/" + conversation + "/messages", Json.createObjectBuilder()
                .add("clientMessageId", UUID.randomUUID().toString()).add("html", "<p>" + waiting + "</p>").build().toString());
        assertEquals(201, sent.statusCode(), sent.body());

        var invited = app.call(admin, "POST", "admin/accounts/" + guardian.getString("id") + "/invitation", null);
        assertEquals(201, invited.statusCode(), invited.body());
        var link = app.home(true) + "#invitation=" + MicroNode.json(invited).getString("code");

        try (var phone = app.phone()) {
            var page = phone.newPage();
            page.navigate(link);
            assertThat(page.locator("main.signin [role=status]")).containsText("You have been invited");
            page.locator("main.signin button.provider-signin").click();
            ProviderApp.enterPassword(page, "pat.guardian");
            var pat = AppPage.of(page);
            pat.awaitReady();
            assertThat(pat.message(waiting)).hasCount(1);
            pat.assertNothingStored();
            screenshots(page, "onboarded-guardian");
        }
        var me = MicroNode.json(app.call(app.token(ProviderApp.PORTAL, "pat.guardian"), "GET", "me", null));
        assertEquals(guardian.getString("id"), me.getString("id"), "Keycloak's pat.guardian is the guardian's account now");
    }

    static void screenshots(Page page, String name) {
        for (var width : new int[] {390, 1366}) {
            page.setViewportSize(width, width < 800 ? 844 : 900);
            WebApp.screenshot(page, name + "-" + width);
        }
    }

    /** A client of Riverside with a portal account the directory has not bound to anyone yet. */
    static String seedClient(ProviderApp app, String name) throws Exception {
        var client = UUID.randomUUID();
        try (var db = DriverManager.getConnection(app.database(), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))) {
            var account = UUID.randomUUID();
            for (var sql : new String[] {
                "INSERT INTO client (id, practice_id, display_name) SELECT '" + client + "', id, ? FROM practice WHERE name = 'Riverside Therapy'",
                "INSERT INTO account (id, practice_id, username, role, display_name) SELECT '" + account + "', id, 'riley.new', 'client', ? "
                        + "FROM practice WHERE name = 'Riverside Therapy'",
                "INSERT INTO client_account (client_id, account_id, relationship) VALUES ('" + client + "', '" + account + "', 'self')"}) {
                try (var s = db.prepareStatement(sql)) {
                    if (sql.contains("?")) {
                        s.setString(1, name);
                    }
                    s.executeUpdate();
                }
            }
        }
        return client.toString();
    }
}
