package care.messaging.system;

import static care.messaging.system.DemoPeople.IT_OPS;
import static care.messaging.system.DemoPeople.PARK;
import static care.messaging.system.DemoPeople.RIVERA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hospital IT onboards a practice on the EAR on Payara Server with config/admin/messaging-admin.sh, as the
 * operations guide says: {@code practices create} founds it and prints the first admin's invitation link,
 * {@code practices invite} replaces it while the admin has not signed up, the admin opens it with a token of the
 * identity provider and is that practice's admin; {@code practices list} shows it with its counts and no names of people. Refusals exit 3 with the problem, and change nothing.
 */
@ExtendWith(PayaraServer.class)
class PracticeOnboardingIT {

    final Api api;
    final Sql sql;

    PracticeOnboardingIT(Api api, Sql sql) {
        this.api = api;
        this.sql = sql;
    }

    @Test
    void itFoundsAPracticeFromTheCommandLineAndItsAdminSignsInWithThePrintedLink() throws Exception {
        var operator = api.identityProvider().token(IT_OPS);
        var name = "Harbor Family Clinic " + UUID.randomUUID();
        var created = AdminCommand.run(api, operator, "practices", "create", "--name", name, "--admin-name", "Dana Whit",
                "--admin-email", "Dana.Whit@Harbor.Example", "--admin-external-id", "E-1042");

        assertEquals(0, created.exit(), created::output);
        var founded = json(created.output().lines().findFirst().orElseThrow());
        var practiceId = founded.getJsonObject("practice").getString("id");
        var adminId = founded.getString("adminId");
        var link = Pattern.compile("^" + Pattern.quote(api.applicationUrl() + "/#invitation=") + "([A-Za-z0-9_-]{43})$", Pattern.MULTILINE)
                .matcher(created.output());
        assertTrue(link.find(), "the practitioner app's link with the code: " + created.output());
        assertEquals(founded.getJsonObject("invitation").getString("code"), link.group(1));
        assertEquals(1L, sql.value("SELECT count(*) FROM account WHERE id = ?::uuid AND practice_id = ?::uuid AND role = 'admin'"
                + " AND email = 'dana.whit@harbor.example' AND external_id = 'E-1042' AND subject IS NULL", adminId, practiceId));

        // The first link went astray: IT sends a new one, and only the new one works.
        var resent = AdminCommand.run(api, operator, "practices", "invite", practiceId);
        assertEquals(0, resent.exit(), resent::output);
        var newLink = Pattern.compile("^" + Pattern.quote(api.applicationUrl() + "/#invitation=") + "([A-Za-z0-9_-]{43})$", Pattern.MULTILINE)
                .matcher(resent.output());
        assertTrue(newLink.find(), resent::output);
        var admin = api.identityProvider().token("dana-" + UUID.randomUUID(), "admin");
        var old = api.call(admin, "POST", "/invitations/redemption", redemption(link.group(1)));
        assertEquals(409, old.status(), old::toString);
        assertTrue(old.body().contains("invitation-revoked"), old::toString);
        var redeemed = api.call(admin, "POST", "/invitations/redemption", redemption(newLink.group(1)));
        assertEquals(200, redeemed.status(), redeemed::toString);
        var signedUp = AdminCommand.run(api, operator, "practices", "invite", practiceId);
        assertEquals(3, signedUp.exit(), signedUp::output);
        assertTrue(signedUp.output().contains("urn:care-messaging:problem:already-signed-up"), signedUp::output);
        var me = api.call(admin, "GET", "/me", null).json();
        assertAll(() -> assertEquals(adminId, me.getString("id")), () -> assertEquals("admin", me.getString("role")),
                () -> assertEquals(practiceId, me.getJsonObject("practice").getString("id")));

        var listed = AdminCommand.run(api, operator, "practices", "list");
        assertEquals(0, listed.exit(), listed::output);
        var practice = Json.createReader(new StringReader(listed.output())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(practiceId)).findFirst().orElseThrow(() -> new AssertionError(listed.output()));
        assertAll(() -> assertEquals(name, practice.getString("name")), () -> assertEquals(1, practice.getInt("members")),
                () -> assertEquals(0, practice.getInt("clients")),
                () -> assertFalse(listed.output().contains("Dana Whit"), "no names of people"),
                () -> assertTrue(listed.output().contains("\"name\":\"" + DemoPeople.RIVERSIDE + "\""), "the demo practices too"));
        assertEquals(1L, sql.value("SELECT count(*) FROM audit_event WHERE action = 'practice.create' AND outcome = 'success'"
                + " AND actor_role = 'operator' AND chain = '00000000-0000-0000-0000-000000000000' AND subject_account_id = ?::uuid", adminId));
        assertTrue((Long) sql.value("SELECT count(*) FROM audit_event WHERE action = 'practice.list' AND actor_role = 'operator'") >= 1);
    }

    @Test
    void namesTravelAsTheyAreTypedAndRefusalsExitWithTheProblem() throws Exception {
        var operator = api.identityProvider().token(IT_OPS);
        var name = "Zoë's \"Quay\" \\ Clinic " + UUID.randomUUID();
        var created = AdminCommand.run(api, operator, "practices", "create", "--name", name, "--admin-name", "Robin O'Vale");
        assertEquals(0, created.exit(), created::output);
        assertEquals(name, json(created.output().lines().findFirst().orElseThrow()).getJsonObject("practice").getString("name"));

        var practices = sql.value("SELECT count(*) FROM practice");
        var again = AdminCommand.run(api, operator, "practices", "create", "--name", name.toUpperCase(java.util.Locale.ROOT),
                "--admin-name", "Robin Vale");
        assertEquals(3, again.exit(), again::output);
        assertTrue(again.output().contains("urn:care-messaging:problem:practice-name-in-use"), again::output);
        var email = AdminCommand.run(api, operator, "practices", "create", "--name", "Other " + name, "--admin-name", "Robin Vale",
                "--admin-email", "robin-at-quay");
        assertEquals(3, email.exit(), email::output);
        assertTrue(email.output().contains("urn:care-messaging:problem:invalid-email"), email::output);
        for (var caller : new DemoPeople[] {PARK, RIVERA}) {
            var refused = AdminCommand.run(api, api.identityProvider().token(caller), "practices", "create", "--name", "Other " + name,
                    "--admin-name", "Robin Vale");
            assertEquals(3, refused.exit(), refused::output);
            assertTrue(refused.output().contains("urn:care-messaging:problem:wrong-role"), refused::output);
            var list = AdminCommand.run(api, api.identityProvider().token(caller), "practices", "list");
            assertEquals(3, list.exit(), list::output);
            assertTrue(list.output().contains("urn:care-messaging:problem:wrong-role"), list::output);
        }
        assertEquals(2, AdminCommand.run(api, operator, "practices", "create", "--name", "Other " + name).exit(), "usage: no admin");
        assertEquals(2, AdminCommand.run(api, operator, "practices", "list", "extra").exit(), "usage");
        assertEquals(2, AdminCommand.run(api, operator, "practices", "invite", "not-an-id").exit(), "usage");
        assertEquals(practices, sql.value("SELECT count(*) FROM practice"), "no refusal made a practice");
    }

    static String redemption(String code) {
        return Json.createObjectBuilder().add("code", code).build().toString();
    }

    static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
