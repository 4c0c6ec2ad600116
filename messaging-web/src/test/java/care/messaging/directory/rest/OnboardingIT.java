package care.messaging.directory.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Onboarding over HTTP on Payara Micro with its real PostgreSQL: a practice's admin adds practitioners and admins and
 * switches them off and on, adds clients (an adult with their own portal account, a minor with guardians), a
 * co-guardian, discharges and re-admits, and imports clients from CSV with a preview. The people added sign in by
 * invitation and read what waited for them. Every refusal is a problem that changes nothing.
 */
@ExtendWith(WebApp.class)
class OnboardingIT {

    static final String CSV = "text/csv";

    @Test
    void anAdminAddsAPractitionerWhoSignsInByInvitationAndIsSwitchedOffAndOnAgain(WebApp app) {
        var admin = app.token("admin.park");
        var email = unique("lee") + "@riverside.example";
        var externalId = "E-" + UUID.randomUUID();
        var added = created(app.call(admin, "POST", "admin/members", member("Dr. Lee Morgan", "practitioner", email.toUpperCase(), externalId)));
        var id = added.getString("id");
        assertAll(() -> assertEquals("practitioner", added.getString("role")),
                () -> assertEquals(email, added.getString("email"), "kept lower-case"),
                () -> assertEquals(externalId, added.getString("externalId")),
                () -> assertTrue(added.getBoolean("enabled")),
                () -> assertFalse(added.getBoolean("signedUp")));
        assertTrue(members(app, admin).stream().anyMatch(m -> m.getString("id").equals(id) && !m.getBoolean("signedUp")), "listed");
        assertEquals(1, audited(app, "member.add", UUID.fromString(id)));

        var code = created(app.call(admin, "POST", "admin/accounts/" + id + "/invitation", null));
        assertEquals("practitioner", code.getString("app"), "a member's invitation opens the practitioner app");
        var lee = app.providerToken("lee-" + UUID.randomUUID(), "practitioner");
        app.json(lee, "POST", "invitations/redemption", Json.createObjectBuilder().add("code", code.getString("code")).build().toString());
        assertEquals(id, app.json(lee, "GET", "me", null).getString("id"));

        var disabled = app.json(admin, "POST", "admin/members/" + id + "/disable", null);
        assertFalse(disabled.getBoolean("enabled"));
        assertProblem(app.call(lee, "GET", "me", null), 401, "account-disabled");
        assertEquals(1, audited(app, "member.disable", UUID.fromString(id)));
        app.json(admin, "POST", "admin/members/" + id + "/disable", null);
        assertEquals(1, audited(app, "member.disable", UUID.fromString(id)), "switching off twice records one change");
        assertTrue(app.json(admin, "POST", "admin/members/" + id + "/enable", null).getBoolean("enabled"));
        assertEquals(id, app.json(lee, "GET", "me", null).getString("id"), "on again: the same token works");
    }

    @Test
    void addingAMemberRefusesBadInputAndChangesNothing(WebApp app) {
        var admin = app.token("admin.park");
        var email = unique("sam") + "@riverside.example";
        var externalId = "E-" + UUID.randomUUID();
        created(app.call(admin, "POST", "admin/members", member("Sam Ortiz", "admin", email, externalId)));
        var before = accounts(app);
        assertProblem(app.call(admin, "POST", "admin/members", member("X", "client", null, null)), 400, "invalid-role");
        assertProblem(app.call(admin, "POST", "admin/members", member("X", "operator", null, null)), 400, "invalid-role");
        assertProblem(app.call(admin, "POST", "admin/members", member("", "practitioner", null, null)), 400, "invalid-display-name");
        assertProblem(app.call(admin, "POST", "admin/members", member("X\u0007", "practitioner", null, null)), 400, "invalid-display-name");
        assertProblem(app.call(admin, "POST", "admin/members", member("X", "practitioner", "not-an-address", null)), 400, "invalid-email");
        assertProblem(app.call(admin, "POST", "admin/members", member("X", "practitioner", "a@b", null)), 400, "invalid-email");
        assertProblem(app.call(admin, "POST", "admin/members", member("X", "practitioner", null, "has space")), 400, "invalid-external-id");
        var inUse = app.call(admin, "POST", "admin/members", member("X", "practitioner", email.toUpperCase(), null));
        assertProblem(inUse, 409, "email-in-use");
        assertFalse(inUse.body().contains(email), "a refusal never repeats the address");
        assertProblem(app.call(admin, "POST", "admin/members", member("X", "practitioner", null, externalId)), 409, "external-id-in-use");
        assertProblem(app.call(admin, "POST", "admin/members", null), 400, "missing-body");
        assertProblem(app.call(app.token("dr.rivera"), "POST", "admin/members", member("X", "practitioner", null, null)), 403, "wrong-role");
        assertProblem(app.call(app.token("dr.rivera"), "GET", "admin/members", null), 403, "wrong-role");
        assertEquals(before, accounts(app), "nothing was added");

        var self = app.json(admin, "GET", "me", null).getString("id");
        assertProblem(app.call(admin, "POST", "admin/members/" + self + "/disable", null), 409, "cannot-disable-self");
        var lakeside = uuid(app, "SELECT id FROM account WHERE username = 'dr.okafor'");
        assertProblem(app.call(admin, "POST", "admin/members/" + lakeside + "/disable", null), 404, "not-found");
        var client = uuid(app, "SELECT id FROM account WHERE username = 'alex.morgan'");
        assertProblem(app.call(admin, "POST", "admin/members/" + client + "/disable", null), 404, "not-found");
        assertProblem(app.call(admin, "POST", "admin/members/not-a-uuid/disable", null), 404, "not-found");
        assertEquals(0, app.sql("SELECT count(*) FROM account WHERE NOT enabled AND username IN ('admin.park', 'dr.okafor', 'alex.morgan')"));
        assertTrue(members(app, admin).stream().noneMatch(m -> m.getString("id").equals(lakeside.toString())), "another practice's members are not listed");
        assertTrue(members(app, admin).stream().allMatch(m -> List.of("practitioner", "admin").contains(m.getString("role"))));
    }

    @Test
    void anAdminAddsAMinorWithGuardiansWhoSignInByInvitationAndReadWhatWaited(WebApp app) {
        var admin = app.token("admin.park");
        var born = LocalDate.now().minusYears(10);
        var pat = unique("pat") + "@family.example";
        var record = created(app.call(admin, "POST", "admin/clients", Json.createObjectBuilder()
                .add("displayName", "Jamie Lane").add("dateOfBirth", born.toString())
                .add("guardians", Json.createArrayBuilder().add(guardian("Pat Lane", pat))).build().toString()));
        var clientId = record.getString("id");
        var accounts = record.getJsonArray("accounts").getValuesAs(JsonObject.class);
        assertAll(() -> assertTrue(record.getBoolean("minor"), "a minor from the date of birth"),
                () -> assertEquals(born.toString(), record.getString("dateOfBirth")),
                () -> assertTrue(record.getBoolean("inCare")),
                () -> assertEquals(1, accounts.size(), "a minor has no account of their own: the guardian's only"),
                () -> assertEquals("guardian", accounts.get(0).getString("relationship")),
                () -> assertEquals(pat, accounts.get(0).getString("email")),
                () -> assertFalse(accounts.get(0).getBoolean("signedUp")));
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'client.add' AND client_id = ?::uuid", clientId));

        var coGuardian = created(app.call(admin, "POST", "admin/clients/" + clientId + "/guardians", guardian("Robin Lane", null).build().toString()));
        assertEquals("guardian", coGuardian.getString("relationship"));
        assertEquals(2, app.json(admin, "GET", "admin/clients/" + clientId, null).getJsonArray("accounts").size());

        // Dr. Rivera writes before anyone has signed up; the message waits.
        var rivera = app.token("dr.rivera");
        var conversation = created(app.call(rivera, "POST", "conversations", "{\"clientId\":\"" + clientId + "\"}")).getString("id");
        var waiting = "Welcome to the practice " + UUID.randomUUID();
        app.send(rivera, conversation, "<p>" + waiting + "</p>");

        var patAccount = accounts.get(0).getString("id");
        var code = created(app.call(admin, "POST", "admin/accounts/" + patAccount + "/invitation", null));
        assertEquals("portal", code.getString("app"));
        var patToken = app.providerToken("pat-" + UUID.randomUUID(), "client");
        app.json(patToken, "POST", "invitations/redemption", Json.createObjectBuilder().add("code", code.getString("code")).build().toString());
        assertEquals(1, app.messagesContaining(patToken, conversation, waiting).size(), "the guardian reads what waited");

        var discharged = app.json(admin, "POST", "admin/clients/" + clientId + "/discharge", null);
        assertFalse(discharged.getBoolean("inCare"));
        assertProblem(app.call(rivera, "POST", "conversations/" + conversation + "/messages", Json.createObjectBuilder()
                .add("clientMessageId", UUID.randomUUID().toString()).add("html", "<p>after</p>").build().toString()), 409, "client-discharged");
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'client.discharge' AND client_id = ?::uuid", clientId));
        assertTrue(app.json(admin, "POST", "admin/clients/" + clientId + "/readmission", null).getBoolean("inCare"));
        app.send(rivera, conversation, "<p>Back again</p>");
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'client.readmit' AND client_id = ?::uuid", clientId));
    }

    @Test
    void anAdultGetsAPortalAccountOfTheirOwnAndBadClientsChangeNothing(WebApp app) {
        var admin = app.token("admin.park");
        var email = unique("dana") + "@mail.example";
        var adult = created(app.call(admin, "POST", "admin/clients", Json.createObjectBuilder().add("displayName", "Dana Wu")
                .add("dateOfBirth", "1990-02-28").add("email", email).build().toString()));
        var accounts = adult.getJsonArray("accounts").getValuesAs(JsonObject.class);
        assertAll(() -> assertFalse(adult.getBoolean("minor")),
                () -> assertEquals(1, accounts.size()),
                () -> assertEquals("self", accounts.get(0).getString("relationship")),
                () -> assertEquals("Dana Wu", accounts.get(0).getString("displayName")),
                () -> assertEquals(email, accounts.get(0).getString("email")));
        var flagged = created(app.call(admin, "POST", "admin/clients", Json.createObjectBuilder().add("displayName", "Kit Moss").add("minor", true)
                .add("guardians", Json.createArrayBuilder().add(guardian("Lou Moss", null))).build().toString()));
        assertTrue(flagged.getBoolean("minor"), "the flag without a date of birth");

        var clients = app.sql("SELECT count(*) FROM client");
        var portal = accounts(app);
        var tenYears = LocalDate.now().minusYears(10).toString();
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("dateOfBirth", tenYears)), 400, "guardian-required");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("dateOfBirth", LocalDate.now().plusDays(1).toString())),
                400, "invalid-date-of-birth");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("dateOfBirth", "04/05/2015")), 400, "invalid-date-of-birth");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("dateOfBirth", "1850-01-01")), 400, "invalid-date-of-birth");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("minor", false)
                .add("guardians", Json.createArrayBuilder().add(guardian("G", null)))), 400, "guardians-of-adult");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("minor", true).add("email", unique("m") + "@x.example")
                .add("guardians", Json.createArrayBuilder().add(guardian("G", null)))), 400, "email-of-minor");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("minor", true)
                .add("guardians", Json.createArrayBuilder().add(guardian("G", "same@x.example")).add(guardian("H", "SAME@x.example")))), 400, "duplicate-email");
        var five = Json.createArrayBuilder();
        IntStream.range(0, 5).forEach(i -> five.add(guardian("G" + i, null)));
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("minor", true).add("guardians", five)), 400, "too-many-guardians");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("email", email)), 409, "email-in-use");
        assertProblem(addClient(app, admin, Json.createObjectBuilder().add("displayName", "A").add("minor", true)
                .add("guardians", Json.createArrayBuilder().add(guardian("", null)))), 400, "invalid-display-name");
        assertProblem(addClient(app, app.token("dr.rivera"), Json.createObjectBuilder().add("displayName", "A")), 403, "wrong-role");
        assertEquals(clients, app.sql("SELECT count(*) FROM client"), "no client was added");
        assertEquals(portal, accounts(app), "no account was added");

        var id = adult.getString("id");
        assertProblem(app.call(admin, "POST", "admin/clients/" + id + "/guardians", guardian("G", null).build().toString()), 400, "guardians-of-adult");
        var robin = uuid(app, "SELECT client_id FROM client_account ca JOIN account a ON a.id = ca.account_id WHERE a.username = 'robin.hale'");
        assertProblem(app.call(admin, "GET", "admin/clients/" + robin, null), 404, "not-found");
        assertProblem(app.call(admin, "POST", "admin/clients/" + robin + "/discharge", null), 404, "not-found");
        assertProblem(app.call(admin, "POST", "admin/clients/" + robin + "/guardians", guardian("G", null).build().toString()), 404, "not-found");
        assertEquals(1, app.sql("SELECT count(*) FROM client WHERE id = ?::uuid AND enabled", robin.toString()), "another practice's client is untouched");
    }

    @Test
    void aPreviewShowsEachLineAndCreatesNothingAnImportCreatesAllOrNoneOrTheValidLines(WebApp app) {
        var admin = app.token("admin.park");
        var taken = unique("taken") + "@mail.example";
        created(app.call(admin, "POST", "admin/clients", Json.createObjectBuilder().add("displayName", "Already Here").add("email", taken).build().toString()));
        var minorBorn = LocalDate.now().minusYears(8);
        var g1 = unique("g1") + "@family.example";
        var a1 = unique("a1") + "@mail.example";
        var csv = "\uFEFFName,Date of birth,Email,Guardian name,Guardian email\r\n"
                + "Ava Stone,1985-06-01," + a1 + ",,\r\n"                                     // line 2: an adult
                + "Ben Stone," + minorBorn + ",,Cara Stone," + g1 + "\r\n"                   // line 3: a minor and a guardian
                + "\"Dee \"\"D\"\" Park\",31/12/1990,,,\r\n"                                  // line 4: a date written another way
                + "Eli Fox," + minorBorn + ",,,\r\n"                                          // line 5: a minor without a guardian
                + "\r\n"
                + "Fay Lin,1970-01-01," + taken + ",,\r\n"                                    // line 7: an address in use
                + "Gus Ray,1971-01-01," + a1.toUpperCase() + ",,\r\n"                         // line 8: the address of line 2
                + "\"Hal\nRoe\",1972-01-01,not-an-address,,\r\n";                             // line 9: a name over two lines (refused), a bad address
        var clients = app.sql("SELECT count(*) FROM client");
        var preview = report(app.call(admin, "POST", "admin/clients/import?mode=preview", csv, CSV));
        assertAll(() -> assertEquals(7, preview.getInt("lines")),
                () -> assertEquals(2, preview.getInt("valid")),
                () -> assertEquals(5, preview.getInt("invalid")),
                () -> assertEquals(0, preview.getInt("created")));
        var lines = preview.getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(List.of(2, 3, 4, 5, 7, 8, 9), lines.stream().map(l -> l.getInt("line")).toList(), "the file's line numbers");
        assertEquals(List.of("valid", "valid", "invalid", "invalid", "invalid", "invalid", "invalid"), lines.stream().map(l -> l.getString("status")).toList());
        assertTrue(lines.get(1).getBoolean("minor"));
        assertEquals(1, lines.get(1).getInt("guardians"));
        assertEquals("Dee \"D\" Park", lines.get(2).getString("displayName"));
        assertEquals("invalid-date-of-birth:date_of_birth", problem(lines.get(2)));
        assertEquals("guardian-required:guardian_name", problem(lines.get(3)));
        assertEquals("email-in-use:", problem(lines.get(4)));
        assertEquals("duplicate-email:", problem(lines.get(5)));
        assertEquals(List.of("invalid-display-name:name", "invalid-email:email"), problems(lines.get(6)),
                "every problem of a line, each in its column (a name cannot hold a line break)");
        assertEquals(clients, app.sql("SELECT count(*) FROM client"), "a preview creates nothing");

        var importsBefore = imports(app);
        var refused = app.call(admin, "POST", "admin/clients/import?mode=all", csv, CSV);
        assertProblem(refused, 400, "import-has-invalid-lines");
        assertTrue(MicroNode.json(refused).getString("title").contains("line 4, 5, 7, 8, 9"), refused.body());
        assertEquals(clients, app.sql("SELECT count(*) FROM client"), "all or nothing: nothing");

        var imported = report(app.call(admin, "POST", "admin/clients/import?mode=valid-lines", csv, CSV));
        assertEquals(2, imported.getInt("created"));
        var results = imported.getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(List.of("created", "created", "skipped", "skipped", "skipped", "skipped", "skipped"),
                results.stream().map(l -> l.getString("status")).toList());
        assertEquals(clients + 2, app.sql("SELECT count(*) FROM client"));
        var ben = app.json(admin, "GET", "admin/clients/" + results.get(1).getString("clientId"), null);
        assertTrue(ben.getBoolean("minor"));
        assertEquals(g1, ben.getJsonArray("accounts").getJsonObject(0).getString("email"));
        assertEquals(2, app.sql("SELECT count(*) FROM audit_event WHERE action = 'client.add' AND client_id IN (?::uuid, ?::uuid)",
                results.get(0).getString("clientId"), results.get(1).getString("clientId")));
        assertEquals(importsBefore + 1, imports(app), "one client.import row for the import that created");

        var again = report(app.call(admin, "POST", "admin/clients/import?mode=preview", csv, CSV));
        assertEquals("email-in-use:", problem(again.getJsonArray("results").getJsonObject(0)), "imported once: its address is taken now");

        var clean = "name,email\nIvy North," + unique("ivy") + "@mail.example\nJon North," + unique("jon") + "@mail.example\n";
        assertEquals(2, report(app.call(admin, "POST", "admin/clients/import?mode=all", clean, CSV)).getInt("created"));
        assertEquals(clients + 4, app.sql("SELECT count(*) FROM client"));
    }

    @Test
    void anImportRefusesAFileItCannotReadAndChangesNothing(WebApp app) {
        var admin = app.token("admin.park");
        var clients = app.sql("SELECT count(*) FROM client");
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=sometimes", "name\nA\n", CSV), 400, "invalid-import-mode");
        assertProblem(app.call(admin, "POST", "admin/clients/import", "name\nA\n", CSV), 400, "invalid-import-mode");
        var unknown = app.call(admin, "POST", "admin/clients/import?mode=preview", "name,ssn\nA,123\n", CSV);
        assertProblem(unknown, 400, "invalid-csv");
        assertTrue(MicroNode.json(unknown).getString("title").contains("'ssn'"), "names the column, never a value");
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=preview", "email\na@b.example\n", CSV), 400, "invalid-csv");
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=preview", "name,name\nA,B\n", CSV), 400, "invalid-csv");
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=preview", "name\n\"Unclosed\n", CSV), 400, "invalid-csv");
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=preview", "name\n", CSV), 400, "invalid-csv");
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=preview", "", CSV), 400, "invalid-csv");
        var tooMany = "name\n" + IntStream.rangeClosed(1, 1001).mapToObj(i -> "Client " + i).collect(Collectors.joining("\n"));
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=all", tooMany, CSV), 413, "import-too-large");
        assertProblem(app.call(admin, "POST", "admin/clients/import?mode=all", "{\"name\":\"A\"}", "application/json"), 415, "unsupported-media-type");
        assertProblem(app.call(app.token("dr.rivera"), "POST", "admin/clients/import?mode=all", "name\nA\n", CSV), 403, "wrong-role");
        assertEquals(clients, app.sql("SELECT count(*) FROM client"));
        assertTrue(app.sql("SELECT count(*) FROM audit_event WHERE attempted_action = 'client.import' AND reason = 'wrong-role'") >= 1,
                "an import refused to a practitioner is audited (invalid input is not an access decision: not recorded)");
    }

    static HttpResponse<String> addClient(WebApp app, String token, jakarta.json.JsonObjectBuilder body) {
        return app.call(token, "POST", "admin/clients", body.build().toString());
    }

    static jakarta.json.JsonObjectBuilder guardian(String name, String email) {
        var b = Json.createObjectBuilder().add("displayName", name);
        return email == null ? b : b.add("email", email);
    }

    static String member(String name, String role, String email, String externalId) {
        var b = Json.createObjectBuilder().add("displayName", name).add("role", role);
        if (email != null) {
            b.add("email", email);
        }
        if (externalId != null) {
            b.add("externalId", externalId);
        }
        return b.build().toString();
    }

    static String problem(JsonObject line) {
        return problems(line).get(0);
    }

    static List<String> problems(JsonObject line) {
        return line.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("type") + ":" + (p.containsKey("column") && !p.isNull("column") ? p.getString("column") : "")).toList();
    }

    static JsonObject report(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        return MicroNode.json(reply);
    }

    static JsonObject created(HttpResponse<String> reply) {
        assertEquals(201, reply.statusCode(), reply.body());
        return MicroNode.json(reply);
    }

    static List<JsonObject> members(WebApp app, String token) {
        var reply = app.call(token, "GET", "admin/members", null);
        assertEquals(200, reply.statusCode(), reply.body());
        try (var reader = Json.createReader(new java.io.StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    static long imports(WebApp app) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = 'client.import' AND outcome = 'success'");
    }

    static long accounts(WebApp app) {
        return app.sql("SELECT count(*) FROM account");
    }

    static long audited(WebApp app, String action, UUID account) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = 'success' AND subject_account_id = ?::uuid",
                action, account.toString());
    }

    static UUID uuid(WebApp app, String query) {
        try (var c = java.sql.DriverManager.getConnection(app.jdbcUrl(), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var rows = c.createStatement().executeQuery(query)) {
            assertTrue(rows.next(), query);
            return (UUID) rows.getObject(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertProblem(HttpResponse<String> reply, int status, String type) {
        assertAll(reply.body(),
                () -> assertEquals(status, reply.statusCode(), reply.body()),
                () -> assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                () -> assertEquals("urn:care-messaging:problem:" + type, MicroNode.json(reply).getString("type")));
    }
}
