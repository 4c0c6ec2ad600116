package care.messaging.invitation.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invitations over HTTP on Payara Micro with its real PostgreSQL: an admin invites an account of the practice
 * that has not signed up, and the person redeems the single-use code with a provider token whose subject the
 * directory does not know yet. Every way a code can be wrong (used, expired, revoked, unknown, malformed), and
 * every way a binding can be wrong (the subject already bound, the wrong role), is a problem that binds nothing.
 */
@ExtendWith(WebApp.class)
class InvitationsIT {

    static final String REDEEM = "invitations/redemption";

    @Test
    void anInvitedClientRedeemsTheCodeOnceAndIsThatAccountFromThenOn(WebApp app) throws Exception {
        var account = seedClient(app, "Riverside Therapy");
        var before = audited(app, "invitation.create", "success");
        var invitation = invite(app, account);
        var code = invitation.getString("code");
        assertAll(() -> assertTrue(code.matches("[A-Za-z0-9_-]{43}"), "256 bits, URL-safe: " + code),
                () -> assertEquals("portal", invitation.getString("app")),
                () -> assertEquals(account.toString(), invitation.getString("accountId")),
                () -> assertFalse(invitation.getBoolean("expired")));
        var expires = OffsetDateTime.parse(invitation.getString("expiresAt"));
        var created = OffsetDateTime.parse(invitation.getString("createdAt"));
        assertEquals(Duration.ofDays(7), Duration.between(created, expires), "the default lifetime");
        assertEquals(1, app.sql("SELECT count(*) FROM invitation WHERE account_id = ?::uuid AND code_hash = ?", account.toString(), sha256(code)),
                "stored as its SHA-256");
        assertEquals(0, app.sql("SELECT count(*) FROM invitation i WHERE position(convert_to(?, 'UTF8') IN i.code_hash) > 0"
                + " OR i::text LIKE '%' || ? || '%'", code, code), "the code itself is stored nowhere in the row");
        assertEquals(before + 1, audited(app, "invitation.create", "success"));
        assertTrue(app.json(app.token("admin.park"), "GET", "admin/accounts/" + account + "/invitation", null).get("code") == null,
                "looking at it later never shows the code");

        var person = app.providerToken("new-person-" + UUID.randomUUID(), "client");
        assertProblem(app.call(person, "GET", "me", null), 401, "unknown-account");
        var redeemed = app.json(person, "POST", REDEEM, body(code));
        assertEquals(account.toString(), redeemed.getString("accountId"));
        assertEquals("portal", redeemed.getString("app"));
        assertEquals(account.toString(), app.json(person, "GET", "me", null).getString("id"), "the token is that account now");
        assertEquals(1, audited(app, "invitation.redeem", "success", account));

        var denied = audited(app, "access.denied", "denied");
        assertProblem(app.call(person, "POST", REDEEM, body(code)), 409, "invitation-used");
        var stranger = app.providerToken("stranger-" + UUID.randomUUID(), "client");
        assertProblem(app.call(stranger, "POST", REDEEM, body(code)), 409, "invitation-used");
        assertProblem(app.call(stranger, "GET", "me", null), 401, "unknown-account");
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE attempted_action = 'invitation.redeem' AND reason = 'invitation-used'"
                + " AND subject LIKE 'stranger-%' AND at > now() - interval '5 minutes'"), "a refused redemption is audited");
        assertTrue(audited(app, "access.denied", "denied") >= denied + 2);
    }

    @Test
    void anExpiredInvitationBindsNothing(WebApp app) {
        var account = seedClient(app, "Riverside Therapy");
        var code = invite(app, account).getString("code");
        // The invitation as it is a week and a day later: its times moved back, not the test's clock forward.
        app.sql("UPDATE invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 second' WHERE account_id = ?::uuid",
                account.toString());
        var person = app.providerToken("late-" + UUID.randomUUID(), "client");
        assertProblem(app.call(person, "POST", REDEEM, body(code)), 409, "invitation-expired");
        assertFalse(signedUp(app, account));
        assertTrue(app.json(app.token("admin.park"), "GET", "admin/accounts/" + account + "/invitation", null).getBoolean("expired"),
                "the admin sees it ran out");
        var again = invite(app, account).getString("code");
        app.json(person, "POST", REDEEM, body(again));
        assertTrue(signedUp(app, account), "a new invitation replaces the expired one");
    }

    @Test
    void reSendingRevokesTheEarlierCodeAndRevokingStopsTheLink(WebApp app) {
        var account = seedClient(app, "Riverside Therapy");
        var admin = app.token("admin.park");
        var first = invite(app, account).getString("code");
        var second = invite(app, account).getString("code");
        var person = app.providerToken("resent-" + UUID.randomUUID(), "client");
        assertProblem(app.call(person, "POST", REDEEM, body(first)), 409, "invitation-revoked");
        assertEquals(204, app.call(admin, "DELETE", "admin/accounts/" + account + "/invitation", null).statusCode());
        assertEquals(1, audited(app, "invitation.revoke", "success", account));
        assertProblem(app.call(person, "POST", REDEEM, body(second)), 409, "invitation-revoked");
        assertProblem(app.call(admin, "GET", "admin/accounts/" + account + "/invitation", null), 404, "not-found");
        assertProblem(app.call(admin, "DELETE", "admin/accounts/" + account + "/invitation", null), 404, "not-found");
        assertFalse(signedUp(app, account));
        var third = invite(app, account).getString("code");
        app.json(person, "POST", REDEEM, body(third));
        assertTrue(signedUp(app, account));
        assertEquals(3, audited(app, "invitation.create", "success", account));
    }

    @Test
    void aSubjectAlreadyBoundOrTheWrongRoleBindsNothingAndLeavesTheCodeUsable(WebApp app) {
        var account = seedClient(app, "Riverside Therapy");
        var code = invite(app, account).getString("code");
        assertProblem(app.call(app.token("alex.morgan"), "POST", REDEEM, body(code)), 409, "subject-in-use");
        var subject = "wrong-role-" + UUID.randomUUID();
        assertProblem(app.call(app.providerToken(subject, "practitioner"), "POST", REDEEM, body(code)), 403, "wrong-role");
        assertProblem(app.call(app.providerToken(subject), "POST", REDEEM, body(code)), 401, "no-role");
        assertFalse(signedUp(app, account));
        assertEquals(1, app.sql("SELECT count(*) FROM invitation WHERE account_id = ?::uuid AND redeemed_at IS NULL AND revoked_at IS NULL",
                account.toString()), "the refusals used nothing up");
        app.json(app.providerToken(subject, "client"), "POST", REDEEM, body(code));
        assertEquals(subject, app.sql("SELECT count(*) FROM account WHERE id = ?::uuid AND subject = ?", account.toString(), subject) == 1
                ? subject : "not bound");
    }

    @Test
    void anAdminInvitesOnlyAccountsOfTheirPracticeThatHaveNotSignedUp(WebApp app) {
        var admin = app.token("admin.park");
        var elsewhere = seedClient(app, "Lakeside Counseling");
        assertProblem(app.call(admin, "POST", "admin/accounts/" + elsewhere + "/invitation", null), 404, "not-found");
        assertProblem(app.call(admin, "GET", "admin/accounts/" + elsewhere + "/invitation", null), 404, "not-found");
        assertProblem(app.call(admin, "POST", "admin/accounts/not-an-id/invitation", null), 404, "not-found");
        var alex = app.json(app.token("alex.morgan"), "GET", "me", null).getString("id");
        assertProblem(app.call(admin, "POST", "admin/accounts/" + alex + "/invitation", null), 409, "already-signed-up");
        var mine = seedClient(app, "Riverside Therapy");
        assertProblem(app.call(app.token("dr.rivera"), "POST", "admin/accounts/" + mine + "/invitation", null), 403, "wrong-role");
        assertProblem(app.call(null, "POST", "admin/accounts/" + mine + "/invitation", null), 401, "not-authenticated");
        assertEquals(0, app.sql("SELECT count(*) FROM invitation WHERE account_id IN (?::uuid, ?::uuid)", elsewhere.toString(), mine.toString()));
        assertTrue(app.sql("SELECT count(*) FROM audit_event WHERE attempted_action = 'invitation.create' AND subject_account_id = ?::uuid",
                elsewhere.toString()) >= 1, "the refusal names what was tried");
    }

    @Test
    void aNewPractitionerIsInvitedToThePractitionerAppTheSameWay(WebApp app) {
        var account = UUID.randomUUID();
        app.sql("INSERT INTO account (id, practice_id, username, role, display_name) SELECT ?::uuid, id, ?, 'practitioner', 'Dr. New' "
                + "FROM practice WHERE name = 'Riverside Therapy'", account.toString(), "dr.new-" + account);
        var invitation = invite(app, account);
        assertEquals("practitioner", invitation.getString("app"));
        var subject = "dr-new-" + UUID.randomUUID();
        assertProblem(app.call(app.providerToken(subject, "client"), "POST", REDEEM, body(invitation.getString("code"))), 403, "wrong-role");
        var practitioner = app.providerToken(subject, "practitioner");
        assertEquals("practitioner", app.json(practitioner, "POST", REDEEM, body(invitation.getString("code"))).getString("app"));
        assertEquals("practitioner", app.json(practitioner, "GET", "me", null).getString("role"));
    }

    @Test
    void aMalformedOrUnknownCodeIsAProblem(WebApp app) {
        var person = app.providerToken("guesser-" + UUID.randomUUID(), "client");
        assertProblem(app.call(person, "POST", REDEEM, body("abc")), 400, "invalid-invitation-code");
        assertProblem(app.call(person, "POST", REDEEM, body("x".repeat(42) + "!")), 400, "invalid-invitation-code");
        assertProblem(app.call(person, "POST", REDEEM, "{}"), 400, "invalid-invitation-code");
        assertProblem(app.call(person, "POST", REDEEM, "null"), 400, "missing-body");
        assertProblem(app.call(person, "POST", REDEEM, body("A".repeat(43))), 404, "unknown-invitation");
        assertProblem(app.call(null, "POST", REDEEM, body("A".repeat(43))), 401, "not-authenticated");
    }

    static jakarta.json.JsonObject invite(WebApp app, UUID account) {
        var reply = app.call(app.token("admin.park"), "POST", "admin/accounts/" + account + "/invitation", null);
        assertEquals(201, reply.statusCode(), reply.body());
        return MicroNode.json(reply);
    }

    /** A client of the practice with a portal account that has not signed up. */
    static UUID seedClient(WebApp app, String practice) {
        var client = UUID.randomUUID();
        var account = UUID.randomUUID();
        app.sql("INSERT INTO client (id, practice_id, display_name) SELECT ?::uuid, id, 'Invited Client' FROM practice WHERE name = ?",
                client.toString(), practice);
        app.sql("INSERT INTO account (id, practice_id, username, role, display_name) SELECT ?::uuid, id, ?, 'client', 'Invited Client' "
                + "FROM practice WHERE name = ?", account.toString(), "invited-" + account, practice);
        app.sql("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?::uuid, ?::uuid, 'self')",
                client.toString(), account.toString());
        return account;
    }

    static boolean signedUp(WebApp app, UUID account) {
        return app.sql("SELECT count(*) FROM account WHERE id = ?::uuid AND subject IS NOT NULL AND signed_up_at IS NOT NULL",
                account.toString()) == 1;
    }

    static long audited(WebApp app, String action, String outcome) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = ?", action, outcome);
    }

    static long audited(WebApp app, String action, String outcome, UUID account) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = ? AND subject_account_id = ?::uuid",
                action, outcome, account.toString());
    }

    static String body(String code) {
        return jakarta.json.Json.createObjectBuilder().add("code", code).build().toString();
    }

    static byte[] sha256(String code) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
    }

    static void assertProblem(HttpResponse<String> reply, int status, String type) {
        assertAll(reply.body(),
                () -> assertEquals(status, reply.statusCode(), reply.body()),
                () -> assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                () -> assertEquals("urn:care-messaging:problem:" + type, MicroNode.json(reply).getString("type")));
    }
}
