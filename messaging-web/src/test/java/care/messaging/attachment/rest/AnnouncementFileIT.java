package care.messaging.attachment.rest;

import static care.messaging.attachment.rest.Uploads.assertBytesProblem;
import static care.messaging.attachment.rest.Uploads.assertProblem;
import static care.messaging.attachment.rest.Uploads.download;
import static care.messaging.attachment.rest.Uploads.json;
import static care.messaging.attachment.rest.Uploads.message;
import static care.messaging.attachment.rest.Uploads.png;
import static care.messaging.attachment.rest.Uploads.send;
import static care.messaging.attachment.rest.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.messaging.ui.WebApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An announcement carries one file, stored once: every copy shows it, each recipient (a minor's guardian too) downloads
 * it, nobody else does, a deleted copy no longer shows it while the others do, and the upload cannot be sent again
 * in a message; two files, or a file that is not the sender's unsent upload, queue nothing.
 */
@ExtendWith(WebApp.class)
class AnnouncementFileIT {

    @Test
    void everyCopyShowsTheOneStoredFileAndOnlyItsReadersDownloadIt(WebApp app) {
        var rivera = app.token("dr.rivera");
        var picture = png(48_000);
        var file = upload(app, rivera, picture, "new opening hours.png");
        var chunks = app.sql("SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?::uuid", file);
        // an earlier test of the shared app (the admin's emergency reader) may have left admin.park a grant open
        AttachmentReadersIT.endGrants(app, app.conversationWith(rivera, "Alex Morgan"));
        AttachmentReadersIT.endGrants(app, app.conversationWith(rivera, "Sam Lee"));
        var body = announcement(List.of(clientId(app, rivera, "Alex Morgan"), clientId(app, rivera, "Sam Lee")), List.of(file));
        var sent = app.call(rivera, "POST", "announcements", body);
        assertEquals(201, sent.statusCode(), sent.body());
        var view = json(sent.body());
        assertEquals(2, view.getInt("delivered"), view::toString);

        var alex = app.token("alex.morgan");
        var jordan = app.token("jordan.lee");
        var copies = view.getJsonArray("recipients").getValuesAs(JsonObject.class);
        var alexCopy = copy(app, alex, copies, "Alex Morgan");
        var samCopy = copy(app, jordan, copies, "Sam Lee");
        for (var copy : List.of(alexCopy, samCopy)) {
            var files = copy.getJsonArray("attachments").getValuesAs(JsonObject.class);
            assertEquals(1, files.size(), copy::toString);
            assertEquals(file, files.get(0).getString("id"), "the same file in every copy");
            assertEquals("new opening hours.png", files.get(0).getString("name"));
        }
        assertEquals(1L, app.sql("SELECT count(*) FROM attachment WHERE id = ?::uuid AND announcement_id = ?::uuid AND message_id IS NULL",
                file, view.getString("id")), "stored once, named by the announcement");
        assertEquals(chunks, app.sql("SELECT count(*) FROM attachment_chunk WHERE attachment_id = ?::uuid", file), "no copy of the bytes");

        assertArrayEquals(picture, download(app, alex, "attachments/" + file).body());
        assertArrayEquals(picture, download(app, jordan, "attachments/" + file).body(), "a minor's guardian reads the child's copy");
        assertArrayEquals(picture, download(app, rivera, "attachments/" + file).body());
        for (var stranger : List.of("dr.chen", "dr.okafor", "admin.park")) {
            assertBytesProblem(download(app, app.token(stranger), "attachments/" + file), 404, "not-found");
        }

        var deleted = app.call(rivera, "DELETE", "conversations/" + app.conversationWith(rivera, "Alex Morgan") + "/messages/"
                + alexCopy.getString("id"), null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(0, copy(app, alex, copies, "Alex Morgan").getJsonArray("attachments").size(),
                "a deleted copy shows no file");
        assertBytesProblem(download(app, alex, "attachments/" + file), 404, "not-found");
        assertArrayEquals(picture, download(app, jordan, "attachments/" + file).body(), "the other copies keep it");

        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        assertProblem(send(app, rivera, withAlex, "<p>again</p>", List.of(file)), 409, "attachment-unavailable");
    }

    @Test
    void twoFilesOrOneThatIsNotTheSendersUnsentUploadQueueNothing(WebApp app) {
        var rivera = app.token("dr.rivera");
        var alexId = clientId(app, rivera, "Alex Morgan");
        var one = upload(app, rivera, png(1_000), "one.png");
        var two = upload(app, rivera, png(1_001), "two.png");
        var chens = upload(app, app.token("dr.chen"), png(1_002), "chen.png");
        var before = app.sql("SELECT count(*) FROM announcement");
        var twoFiles = app.call(rivera, "POST", "announcements", announcement(List.of(alexId), List.of(one, two)));
        assertProblem(twoFiles, 400, "too-many-attachments");
        var foreign = app.call(rivera, "POST", "announcements", announcement(List.of(alexId), List.of(chens)));
        assertProblem(foreign, 409, "attachment-unavailable");
        assertEquals(before, app.sql("SELECT count(*) FROM announcement"), "nothing queued");
        assertEquals(0L, app.sql("SELECT count(*) FROM attachment WHERE id IN (?::uuid, ?::uuid, ?::uuid) AND announcement_id IS NOT NULL",
                one, two, chens));
    }

    /** The recipient's copy, as they see it in their thread. */
    static JsonObject copy(WebApp app, String token, List<JsonObject> recipients, String client) {
        var recipient = recipients.stream().filter(r -> r.getString("clientName").equals(client)).findFirst().orElseThrow();
        return message(app, token, recipient.getString("conversationId"), recipient.getString("messageId"));
    }

    static String announcement(List<String> clients, List<String> files) {
        var ids = Json.createArrayBuilder();
        clients.forEach(ids::add);
        var attachments = Json.createArrayBuilder();
        files.forEach(attachments::add);
        return Json.createObjectBuilder().add("announcementId", UUID.randomUUID().toString()).add("html", "<p>Our new opening hours</p>")
                .add("clientIds", ids).add("attachments", attachments).build().toString();
    }

    static String clientId(WebApp app, String token, String name) {
        var reply = app.call(token, "POST", "clients/search", "{\"query\":\"" + name + "\",\"limit\":5}");
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("displayName").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no client " + name + ": " + reply.body())).getString("id");
        }
    }
}
