package care.messaging.practice.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hospital IT founds a practice over HTTP on Payara Micro with its real PostgreSQL: the first admin redeems
 * the invitation with a provider token and is from then on that practice's admin, seeing nothing of another
 * practice; every refusal (bad input, a taken name, a caller who is not IT) changes nothing, and what IT did
 * is in the trail of no practice.
 */
@ExtendWith(WebApp.class)
class PracticesIT {

    static final String PRACTICES = "operator/practices";
    static final String REDEEM = "invitations/redemption";

    @Test
    void itFoundsAPracticeWhoseFirstAdminRedeemsTheInvitationAndRunsOnlyThatPractice(WebApp app) {
        var operator = app.token("it.ops");
        var operatorId = app.json(operator, "GET", "me", null).getString("id");
        var name = "Harbor Family Clinic " + UUID.randomUUID();
        var reply = app.call(operator, "POST", PRACTICES, founding(name, "Dana Whit", " Dana.Whit@Harbor.Example ", "E-1042"));

        assertEquals(201, reply.statusCode(), reply.body());
        var founded = MicroNode.json(reply);
        var practice = founded.getJsonObject("practice");
        var practiceId = practice.getString("id");
        var adminId = founded.getString("adminId");
        var invitation = founded.getJsonObject("invitation");
        assertAll(() -> assertEquals(name, practice.getString("name")),
                () -> assertEquals(1, practice.getInt("members"), "the admin"),
                () -> assertEquals(0, practice.getInt("clients")),
                () -> assertFalse(practice.getString("createdAt").isEmpty()),
                () -> assertEquals(adminId, invitation.getString("accountId")),
                () -> assertEquals("practitioner", invitation.getString("app")),
                () -> assertTrue(invitation.getString("code").matches("[A-Za-z0-9_-]{43}")),
                () -> assertFalse(reply.body().contains("Dana"), "the answer names nobody: " + reply.body()));
        assertEquals(1, app.sql("SELECT count(*) FROM account WHERE id = ?::uuid AND practice_id = ?::uuid AND role = 'admin' AND enabled"
                + " AND subject IS NULL AND display_name = 'Dana Whit' AND email = 'dana.whit@harbor.example' AND external_id = 'E-1042'"
                + " AND username LIKE 'account-%' AND username NOT ILIKE '%dana%'", adminId, practiceId));
        assertEquals(1, app.sql("SELECT count(*) FROM invitation WHERE account_id = ?::uuid AND practice_id = ?::uuid AND created_by = ?::uuid",
                adminId, practiceId, operatorId), "IT made the invitation");

        var person = app.providerToken("dana-" + UUID.randomUUID(), "admin");
        var redeemed = app.json(person, "POST", REDEEM, Json.createObjectBuilder().add("code", invitation.getString("code")).build().toString());
        assertEquals(adminId, redeemed.getString("accountId"));
        var me = app.json(person, "GET", "me", null);
        assertAll(() -> assertEquals(adminId, me.getString("id")),
                () -> assertEquals("admin", me.getString("role")),
                () -> assertEquals(practiceId, me.getJsonObject("practice").getString("id")),
                () -> assertEquals(name, me.getJsonObject("practice").getString("name")));

        // Riverside's admin finds Alex Morgan; the new practice's admin finds nobody of Riverside.
        var park = app.token("admin.park");
        var alex = array(app.call(park, "POST", "clients/search", "{\"query\":\"Alex\"}"));
        assertFalse(alex.isEmpty(), "the search itself finds Riverside's client for Riverside's admin");
        assertTrue(array(app.call(person, "POST", "clients/search", "{\"query\":\"Alex\"}")).isEmpty());
        assertFalse(array(app.call(park, "GET", "admin/conversations", null)).isEmpty());
        assertTrue(array(app.call(person, "GET", "admin/conversations", null)).isEmpty());
        assertProblem(app.call(person, "GET", "admin/clients/" + alex.getJsonObject(0).getString("id") + "/portal-accounts", null), 404, "not-found");
        assertTrue(app.json(person, "GET", "admin/practice/messaging", null).getJsonArray("practitioners").isEmpty());

        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'practice.create' AND outcome = 'success'"
                + " AND actor_id = ?::uuid AND actor_role = 'operator' AND chain = '00000000-0000-0000-0000-000000000000'"
                + " AND subject_account_id = ?::uuid", operatorId, adminId), "founding is IT's row in the chain of no practice");
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'invitation.create' AND actor_id = ?::uuid"
                + " AND subject_account_id = ?::uuid", operatorId, adminId));
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'invitation.redeem' AND actor_id = ?::uuid"
                + " AND chain = ?::uuid", adminId, practiceId), "the admin's own redemption is in the new practice's chain");
    }

    @Test
    void theListShowsEveryPracticeWithItsCountsAndNoPeople(WebApp app) {
        var operator = app.token("it.ops");
        var name = "Quay Street Practice " + UUID.randomUUID();
        var founded = MicroNode.json(app.call(operator, "POST", PRACTICES, founding(name, "Robin Vale", null, null)));
        var reply = app.call(operator, "GET", PRACTICES, null);

        assertEquals(200, reply.statusCode(), reply.body());
        var list = array(reply).getValuesAs(JsonObject.class);
        assertEquals(app.sql("SELECT count(*) FROM practice WHERE id <> '00000000-0000-0000-0000-000000000000'"), list.size(),
                "every practice but IT's own nil practice");
        var mine = list.stream().filter(p -> p.getString("id").equals(founded.getJsonObject("practice").getString("id"))).findFirst().orElseThrow();
        assertAll(() -> assertEquals(name, mine.getString("name")), () -> assertEquals(1, mine.getInt("members")),
                () -> assertEquals(0, mine.getInt("clients")));
        for (var practice : list) {
            var id = practice.getString("id");
            assertEquals(app.sql("SELECT count(*) FROM account WHERE practice_id = ?::uuid AND role IN ('practitioner', 'admin') AND enabled", id),
                    practice.getInt("members"), practice::toString);
            assertEquals(app.sql("SELECT count(*) FROM client WHERE practice_id = ?::uuid AND enabled", id), practice.getInt("clients"), practice::toString);
            assertEquals(List.of("clients", "createdAt", "id", "members", "name"), practice.keySet().stream().sorted().toList());
        }
        for (var person : List.of("Robin Vale", "Jin Park", "Maria Rivera", "Alex Morgan", "Taylor Reed")) {
            assertFalse(reply.body().contains(person), person + " is not in IT's list");
        }
        assertTrue(app.sql("SELECT count(*) FROM audit_event WHERE action = 'practice.list' AND outcome = 'success' AND actor_role = 'operator'"
                + " AND chain = '00000000-0000-0000-0000-000000000000'") >= 1);
    }

    @Test
    void badInputOrATakenNameIsAProblemAndChangesNothing(WebApp app) {
        var operator = app.token("it.ops");
        var before = rows(app);
        var fresh = "Bad Input Practice " + UUID.randomUUID();
        assertAll(
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding(null, "Dana Whit", null, null)), 400, "invalid-practice-name"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding("  ", "Dana Whit", null, null)), 400, "invalid-practice-name"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding("x".repeat(101), "Dana Whit", null, null)), 400, "invalid-practice-name"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding("Two\nLines", "Dana Whit", null, null)), 400, "invalid-practice-name"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, "{\"name\":\"" + fresh + "\"}"), 400, "invalid-display-name"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding(fresh, " ", null, null)), 400, "invalid-display-name"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding(fresh, "Dana Whit", "dana-at-harbor", null)), 400, "invalid-email"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding(fresh, "Dana Whit", null, "e".repeat(201))), 400, "invalid-external-id"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, founding("riverside THERAPY", "Dana Whit", null, null)), 409, "practice-name-in-use"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, "null"), 400, "missing-body"),
                () -> assertProblem(app.call(operator, "POST", PRACTICES, "{\"name\":"), 400, "malformed-json"));
        assertEquals(before, rows(app), "no practice, account or invitation was made");
        var reply = app.call(operator, "POST", PRACTICES, founding("riverside THERAPY", "Dana Whit", null, null));
        assertFalse(reply.body().contains("Dana") || reply.body().contains("riverside"), "a refusal names nobody: " + reply.body());
    }

    @Test
    void twoFoundingsOfOneNameAtOnceMakeOnePractice(WebApp app) throws Exception {
        var operator = app.token("it.ops");
        var name = "Twin Rivers Practice " + UUID.randomUUID();
        var attempts = new ArrayList<Callable<HttpResponse<String>>>();
        for (var i = 0; i < 4; i++) {
            var spelled = i % 2 == 0 ? name : name.toUpperCase(java.util.Locale.ROOT);
            attempts.add(() -> app.call(operator, "POST", PRACTICES, founding(spelled, "Dana Whit", null, null)));
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            var statuses = new ArrayList<Integer>();
            for (var result : pool.invokeAll(attempts)) {
                var reply = result.get();
                statuses.add(reply.statusCode());
                if (reply.statusCode() != 201) {
                    assertProblem(reply, 409, "practice-name-in-use");
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, app.sql("SELECT count(*) FROM practice WHERE lower(name) = lower(?)", name));
    }

    @Test
    void onlyHospitalItListsOrFoundsPractices(WebApp app) {
        var before = rows(app);
        var name = "Refused Practice " + UUID.randomUUID();
        for (var who : List.of("admin.park", "dr.rivera", "alex.morgan")) {
            var token = app.token(who);
            assertProblem(app.call(token, "GET", PRACTICES, null), 403, "wrong-role");
            assertProblem(app.call(token, "POST", PRACTICES, founding(name, "Dana Whit", null, null)), 403, "wrong-role");
            var account = app.json(token, "GET", "me", null).getString("id");
            assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'access.denied' AND attempted_action = 'practice.list'"
                    + " AND actor_id = ?::uuid AND reason = 'wrong-role'", account), who);
            assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'access.denied' AND attempted_action = 'practice.create'"
                    + " AND actor_id = ?::uuid AND reason = 'wrong-role'", account), who);
        }
        assertProblem(app.call(null, "GET", PRACTICES, null), 401, "not-authenticated");
        assertProblem(app.call(null, "POST", PRACTICES, founding(name, "Dana Whit", null, null)), 401, "not-authenticated");
        assertEquals(before, rows(app));
        assertEquals(0, app.sql("SELECT count(*) FROM practice WHERE name = ?", name));
    }

    @Test
    void itSendsTheFirstAdminANewInvitationUntilTheyHaveSignedUp(WebApp app) {
        var operator = app.token("it.ops");
        var founded = MicroNode.json(app.call(operator, "POST", PRACTICES, founding("Late Link Practice " + UUID.randomUUID(), "Dana Whit", null, null)));
        var practiceId = founded.getJsonObject("practice").getString("id");
        var adminId = founded.getString("adminId");
        var first = founded.getJsonObject("invitation").getString("code");
        app.sql("UPDATE invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 second' WHERE account_id = ?::uuid",
                adminId);
        var person = app.providerToken("dana-late-" + UUID.randomUUID(), "admin");
        assertProblem(app.call(person, "POST", REDEEM, redemption(first)), 409, "invitation-expired");

        var reply = app.call(operator, "POST", PRACTICES + "/" + practiceId + "/invitation", null);
        assertEquals(201, reply.statusCode(), reply.body());
        var again = MicroNode.json(reply);
        assertAll(() -> assertEquals(adminId, again.getString("accountId")), () -> assertEquals("practitioner", again.getString("app")),
                () -> assertFalse(again.getBoolean("expired")));
        assertProblem(app.call(person, "POST", REDEEM, redemption(first)), 409, "invitation-revoked");
        assertEquals(adminId, app.json(person, "POST", REDEEM, redemption(again.getString("code"))).getString("accountId"));
        assertEquals(2, app.sql("SELECT count(*) FROM audit_event WHERE action = 'invitation.create' AND actor_role = 'operator'"
                + " AND subject_account_id = ?::uuid", adminId));

        var invitations = app.sql("SELECT count(*) FROM invitation");
        assertProblem(app.call(operator, "POST", PRACTICES + "/" + practiceId + "/invitation", null), 409, "already-signed-up");
        assertProblem(app.call(operator, "POST", PRACTICES + "/00000000-0000-0000-0000-000000000000/invitation", null), 404, "not-found");
        assertProblem(app.call(operator, "POST", PRACTICES + "/" + UUID.randomUUID() + "/invitation", null), 404, "not-found");
        assertProblem(app.call(operator, "POST", PRACTICES + "/not-an-id/invitation", null), 404, "not-found");
        assertProblem(app.call(app.token("admin.park"), "POST", PRACTICES + "/" + practiceId + "/invitation", null), 403, "wrong-role");
        assertEquals(invitations, app.sql("SELECT count(*) FROM invitation"), "no refusal made an invitation");
    }

    static String redemption(String code) {
        return Json.createObjectBuilder().add("code", code).build().toString();
    }

    /** How many practices, accounts and invitations there are. */
    static List<Long> rows(WebApp app) {
        return List.of(app.sql("SELECT count(*) FROM practice"), app.sql("SELECT count(*) FROM account"),
                app.sql("SELECT count(*) FROM invitation"));
    }

    static String founding(String name, String adminName, String email, String externalId) {
        var admin = Json.createObjectBuilder();
        if (adminName != null) {
            admin.add("displayName", adminName);
        }
        if (email != null) {
            admin.add("email", email);
        }
        if (externalId != null) {
            admin.add("externalId", externalId);
        }
        var body = Json.createObjectBuilder().add("admin", admin);
        if (name != null) {
            body.add("name", name);
        }
        return body.build().toString();
    }

    static JsonArray array(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray();
        }
    }

    static void assertProblem(HttpResponse<String> reply, int status, String type) {
        assertAll(reply.body(),
                () -> assertEquals(status, reply.statusCode(), reply.body()),
                () -> assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                () -> assertEquals("urn:care-messaging:problem:" + type, MicroNode.json(reply).getString("type")));
    }
}
