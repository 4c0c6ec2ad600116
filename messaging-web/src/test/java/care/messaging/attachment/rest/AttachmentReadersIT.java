package care.messaging.attachment.rest;

import static care.messaging.attachment.rest.Uploads.assertBytesProblem;
import static care.messaging.attachment.rest.Uploads.download;
import static care.messaging.attachment.rest.Uploads.ids;
import static care.messaging.attachment.rest.Uploads.json;
import static care.messaging.attachment.rest.Uploads.message;
import static care.messaging.attachment.rest.Uploads.pdf;
import static care.messaging.attachment.rest.Uploads.png;
import static care.messaging.attachment.rest.Uploads.send;
import static care.messaging.attachment.rest.Uploads.word;
import static care.messaging.attachment.rest.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who gets a sent file (the conversation's readers; an admin only under emergency access; nobody else), how
 * (inline only for the images the apps show), and what becomes of it: deleted with its message, found by its
 * name, and an upload never sent removed by the timer.
 */
@ExtendWith(WebApp.class)
class AttachmentReadersIT {

    @Test
    void theOtherSideDownloadsASentFileAndAnyoneElseIsToldItDoesNotExist(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withSam = app.conversationWith(rivera, "Sam Lee");
        var scan = pdf(70_000);
        var file = upload(app, app.token("jordan.lee"), scan, "report card.pdf");
        var sent = json(send(app, app.token("jordan.lee"), withSam, "<p>Sam's report</p>", List.of(file)).body());
        var path = "attachments/" + file;
        var audited = app.sql("SELECT count(*) FROM audit_event e JOIN account a ON a.id = e.actor_id WHERE a.username = 'dr.rivera'"
                + " AND e.action = 'attachment.download' AND e.conversation_id = ?::uuid AND e.message_id = ?::uuid", withSam, sent.getString("id"));

        var got = download(app, rivera, path);
        assertEquals(200, got.statusCode());
        assertArrayEquals(scan, got.body());
        assertTrue(got.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        assertEquals(List.of("sandbox"), got.headers().allValues("Content-Security-Policy"));
        assertEquals(audited + 1, app.sql("SELECT count(*) FROM audit_event e JOIN account a ON a.id = e.actor_id WHERE a.username = 'dr.rivera'"
                + " AND e.action = 'attachment.download' AND e.conversation_id = ?::uuid AND e.message_id = ?::uuid", withSam, sent.getString("id")),
                "the download's audit row names the conversation and message");
        assertArrayEquals(scan, download(app, app.token("jordan.lee"), path).body(), "the uploader still has it");

        for (var stranger : List.of("dr.chen", "alex.morgan", "dr.okafor", "admin.park")) {
            assertBytesProblem(download(app, app.token(stranger), path), 404, "not-found");
        }
        // and the other way: the practitioner's file reaches the minor's guardian
        var answer = pdf(12_345);
        var reply = upload(app, rivera, answer, "answer.pdf");
        send(app, rivera, withSam, "<p>Thank you, here is mine</p>", List.of(reply));
        assertArrayEquals(answer, download(app, app.token("jordan.lee"), "attachments/" + reply).body());
    }

    @Test
    void inAColleagueConversationTheColleagueDownloadsTheFile(WebApp app) {
        var rivera = app.token("dr.rivera");
        var chen = app.token("dr.chen");
        var practitioner = app.json(chen, "GET", "me", null).getString("id");
        var colleague = app.json(rivera, "POST", "conversations",
                Json.createObjectBuilder().add("practitionerId", practitioner).build().toString()).getString("id");
        var notes = pdf(22_222);
        var file = upload(app, rivera, notes, "referral notes.pdf");
        assertEquals(201, send(app, rivera, colleague, "", List.of(file)).statusCode());
        assertArrayEquals(notes, download(app, chen, "attachments/" + file).body());
        assertBytesProblem(download(app, app.token("alex.morgan"), "attachments/" + file), 404, "not-found");
    }

    @Test
    void anAdminDownloadsASentFileOnlyUnderEmergencyAccessAndThatIsAudited(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var file = upload(app, rivera, pdf(4_000), "letter.pdf");
        send(app, rivera, withAlex, "<p>letter</p>", List.of(file));
        var admin = app.token("admin.park");
        endGrants(app, withAlex); // an earlier test of the shared app (the admin's emergency reader) may have left one open
        assertBytesProblem(download(app, admin, "attachments/" + file), 404, "not-found");
        var emergencyReads = app.sql("SELECT count(*) FROM audit_event WHERE action = 'emergency.read' AND conversation_id = ?::uuid", withAlex);
        app.json(admin, "POST", "conversations/" + withAlex + "/emergency-access",
                Json.createObjectBuilder().add("reason", "Client at risk, practitioner unreachable").build().toString());
        try {
            var got = download(app, admin, "attachments/" + file);
            assertEquals(200, got.statusCode());
            assertEquals(emergencyReads + 1, app.sql("SELECT count(*) FROM audit_event WHERE action = 'emergency.read' AND conversation_id = ?::uuid", withAlex));
        } finally {
            // every browser test shares this app: the grant ends here, not in an hour
            endGrants(app, withAlex);
        }
        assertBytesProblem(download(app, admin, "attachments/" + file), 404, "not-found");
    }

    /** admin.park's open emergency grants on the conversation end now. */
    static void endGrants(WebApp app, String conversation) {
        app.sql("UPDATE emergency_access SET expires_at = granted_at + interval '1 millisecond' WHERE conversation_id = ?::uuid"
                + " AND admin_id = (SELECT id FROM account WHERE username = 'admin.park') AND expires_at > now()", conversation);
    }

    @Test
    void onlyTheImagesTheAppsShowAreServedInline(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var photo = upload(app, rivera, png(6_000), "form photo.png");
        var document = upload(app, rivera, pdf(6_000), "form.pdf");
        send(app, rivera, withAlex, "", List.of(photo, document));
        var alex = app.token("alex.morgan");

        var image = download(app, alex, "attachments/" + photo + "?disposition=inline");
        assertEquals(200, image.statusCode());
        assertTrue(image.headers().firstValue("Content-Disposition").orElseThrow().startsWith("inline;"));
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of("nosniff"), image.headers().allValues("X-Content-Type-Options"));
        assertEquals(List.of("sandbox"), image.headers().allValues("Content-Security-Policy"));
        assertEquals(List.of("no-store"), image.headers().allValues("Cache-Control"));
        var pdfAsked = download(app, alex, "attachments/" + document + "?disposition=inline");
        assertTrue(pdfAsked.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"), "a PDF stays an attachment");
        var imageNotAsked = download(app, alex, "attachments/" + photo);
        assertTrue(imageNotAsked.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
    }

    @Test
    void deletingAMessageDeletesItsFilesWithTheirBytes(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var file = upload(app, rivera, pdf(3 * 1024 * 1024), "to delete.pdf");
        var sent = json(send(app, rivera, withAlex, "<p>oops, wrong client</p>", List.of(file)).body());
        assertTrue(app.sql("SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?::uuid", file) > 1, "a 3 MB file has chunks");

        var deleted = app.json(rivera, "DELETE", "conversations/" + withAlex + "/messages/" + sent.getString("id"), null);
        assertTrue(deleted.getBoolean("deleted"));
        assertEquals(0, deleted.getJsonArray("attachments").size(), "the tombstone shows no files");
        assertEquals(0, app.sql("SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?::uuid", file));
        assertEquals(0, app.sql("SELECT count(*) FROM attachment WHERE id = ?::uuid", file));
        assertEquals(0, message(app, app.token("alex.morgan"), withAlex, sent.getString("id")).getJsonArray("attachments").size());
        assertBytesProblem(download(app, app.token("alex.morgan"), "attachments/" + file), 404, "not-found");
        assertBytesProblem(download(app, rivera, "attachments/" + file), 404, "not-found");
    }

    @Test
    void aSearchFindsAMessageByTheNameOfItsFile(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var name = word();
        var file = upload(app, rivera, pdf(2_500), "Homework " + name + ".pdf");
        var sent = json(send(app, rivera, withAlex, "<p>for next week</p>", List.of(file)).body());

        for (var token : List.of(rivera, app.token("alex.morgan"))) {
            var hits = app.json(token, "POST", "search/messages", Json.createObjectBuilder().add("q", name).build().toString())
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            assertEquals(1, hits.size(), hits.toString());
            assertEquals(sent.getString("id"), hits.get(0).getString("messageId"));
            assertEquals(List.of(file), ids(hits.get(0).getJsonArray("attachments")));
        }
        var none = app.json(app.token("dr.chen"), "POST", "search/messages", Json.createObjectBuilder().add("q", name).build().toString());
        assertEquals(0, none.getJsonArray("items").size(), "not the colleague, who is not in the conversation");
        app.json(rivera, "DELETE", "conversations/" + withAlex + "/messages/" + sent.getString("id"), null);
        var gone = app.json(rivera, "POST", "search/messages", Json.createObjectBuilder().add("q", name).build().toString());
        assertEquals(0, gone.getJsonArray("items").size(), "a deleted message's file name is found no more");
    }

    @Test
    void theTimerRemovesAnOldUploadNeverSentButNotAnOldSentOne(WebApp app) throws InterruptedException {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var unsent = upload(app, rivera, pdf(1_500_000), "forgotten.pdf");
        var sent = upload(app, rivera, pdf(1_500_001), "kept.pdf");
        send(app, rivera, withAlex, "<p>kept</p>", List.of(sent));
        var fresh = upload(app, rivera, pdf(1_500_002), "fresh.pdf");
        // both older than messaging.attachments.unsent-hours (24 by default), in one statement, so one sweep sees both
        app.sql("UPDATE attachment SET created_at = now() - interval '25 hours' WHERE id IN (?::uuid, ?::uuid)", unsent, sent);

        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (app.sql("SELECT count(*) FROM attachment WHERE id = ?::uuid", unsent) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the old unsent upload was not removed within a minute");
            Thread.sleep(200);
        }
        assertEquals(0, app.sql("SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?::uuid", unsent), "its bytes went too");
        assertEquals(1, app.sql("SELECT count(*) FROM attachment WHERE id = ?::uuid", sent), "a sent file stays");
        assertTrue(app.sql("SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?::uuid", sent) > 0);
        assertEquals(1, app.sql("SELECT count(*) FROM attachment WHERE id = ?::uuid", fresh), "a recent unsent upload stays");
    }
}
