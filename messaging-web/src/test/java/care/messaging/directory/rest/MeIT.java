package care.messaging.directory.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/me} of a portal account over HTTP on Payara Micro with its real PostgreSQL, as the
 * practice discharges and re-admits the clients it acts for: while one of them is in care it answers
 * those; once every one is discharged it refuses with 409 client-discharged (audited, naming nobody),
 * so the portal can say why instead of showing an empty page; an account linked to no client at all
 * answers as before. Every test makes its own people: discharges are for good otherwise.
 */
@ExtendWith(WebApp.class)
class MeIT {

    @Test
    void aPortalAccountWhoseOnlyClientWasDischargedIsRefusedAndAuditedUntilReadmitted(WebApp app) {
        var client = seedClient(app, "Quinn Harper");
        var subject = "self-" + UUID.randomUUID();
        var account = seedPortalAccount(app, subject, "Quinn Harper", client, "self");
        var token = app.providerToken(subject, "client");
        assertEquals(List.of(client.toString()), actsFor(app.json(token, "GET", "me", null)));

        discharge(app, client, true);
        var denied = deniedMe(app, account);
        var refused = app.call(token, "GET", "me", null);
        assertProblem(refused, 409, "client-discharged");
        assertFalse(refused.body().contains("Quinn") || refused.body().contains("Harper") || refused.body().contains(client.toString()),
                "no name or id of the client in the answer: " + refused.body());
        assertEquals(denied + 1, deniedMe(app, account), "the refusal is audited, attributed to the account");
        assertEquals(1, app.sql("SELECT count(*) FROM audit_event WHERE attempted_action = 'account.me' AND reason = 'client-discharged'"
                + " AND actor_id = ?::uuid AND client_id IS NULL AND subject IS NULL", account.toString()),
                "the audit row names the account, neither the client nor the token's subject");

        discharge(app, client, false);
        assertEquals(List.of(client.toString()), actsFor(app.json(token, "GET", "me", null)), "re-admitted: the portal is back");
    }

    @Test
    void aGuardianKeepsThePortalWhileOneOfTheirChildrenIsInCare(WebApp app) {
        var older = seedClient(app, "Ellis Brook");
        var younger = seedClient(app, "Finley Brook");
        var subject = "guardian-" + UUID.randomUUID();
        var account = seedPortalAccount(app, subject, "Dana Brook", older, "guardian");
        link(app, younger, account, "guardian");
        var token = app.providerToken(subject, "client");

        discharge(app, older, true);
        assertEquals(List.of(younger.toString()), actsFor(app.json(token, "GET", "me", null)), "only the child still in care");
        discharge(app, younger, true);
        assertProblem(app.call(token, "GET", "me", null), 409, "client-discharged");
    }

    @Test
    void aPortalAccountLinkedToNoClientYetAnswersAsBefore(WebApp app) {
        var subject = "unlinked-" + UUID.randomUUID();
        seedPortalAccount(app, subject, "Robin Unlinked", null, null);
        var me = app.json(app.providerToken(subject, "client"), "GET", "me", null);
        assertEquals("client", me.getString("role"));
        assertEquals(List.of(), actsFor(me));
    }

    static List<String> actsFor(JsonObject me) {
        return me.getJsonArray("actsFor").getValuesAs(JsonObject.class).stream().map(c -> c.getString("clientId")).toList();
    }

    static UUID seedClient(WebApp app, String name) {
        var client = UUID.randomUUID();
        app.sql("INSERT INTO client (id, practice_id, display_name) SELECT ?::uuid, id, ? FROM practice WHERE name = 'Riverside Therapy'",
                client.toString(), name);
        return client;
    }

    /** A signed-up portal account of Riverside, linked to the client (when given) as self or guardian. */
    static UUID seedPortalAccount(WebApp app, String subject, String name, UUID client, String relationship) {
        var account = UUID.randomUUID();
        app.sql("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) "
                + "SELECT ?::uuid, id, ?, ?, 'client', ?, now() FROM practice WHERE name = 'Riverside Therapy'",
                account.toString(), "me-" + account, subject, name);
        if (client != null) {
            link(app, client, account, relationship);
        }
        return account;
    }

    static void link(WebApp app, UUID client, UUID account, String relationship) {
        app.sql("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?::uuid, ?::uuid, ?)",
                client.toString(), account.toString(), relationship);
    }

    /** What no API does yet: the practice discharges the client (or re-admits them). */
    static void discharge(WebApp app, UUID client, boolean discharged) {
        assertEquals(1, app.sql("UPDATE client SET enabled = ? WHERE id = ?::uuid", !discharged, client.toString()));
    }

    static long deniedMe(WebApp app, UUID account) {
        return app.sql("SELECT count(*) FROM audit_event WHERE action = 'access.denied' AND attempted_action = 'account.me' AND actor_id = ?::uuid",
                account.toString());
    }

    static void assertProblem(HttpResponse<String> reply, int status, String type) {
        assertAll(reply.body(),
                () -> assertEquals(status, reply.statusCode(), reply.body()),
                () -> assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                () -> assertEquals("urn:care-messaging:problem:" + type, MicroNode.json(reply).getString("type")),
                () -> assertTrue(MicroNode.json(reply).containsKey("instance")));
    }
}
