package care.messaging.attachment.rest;

import static care.messaging.attachment.rest.Uploads.assertProblem;
import static care.messaging.attachment.rest.Uploads.ids;
import static care.messaging.attachment.rest.Uploads.json;
import static care.messaging.attachment.rest.Uploads.message;
import static care.messaging.attachment.rest.Uploads.messagesIn;
import static care.messaging.attachment.rest.Uploads.pdf;
import static care.messaging.attachment.rest.Uploads.png;
import static care.messaging.attachment.rest.Uploads.send;
import static care.messaging.attachment.rest.Uploads.unsent;
import static care.messaging.attachment.rest.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.ui.WebApp;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sending files with a message over HTTP, on the browser tests' node (demo data, the suite's real clamd): the
 * files go with the message in its transaction, once, and only the sender's own clean unsent uploads; anything
 * else refuses the whole send and saves nothing.
 */
@ExtendWith(WebApp.class)
class AttachmentMessagesIT {

    @Test
    void twoFilesGoWithTheTextAndEveryReaderSeesThemInTheMessage(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var plan = pdf(40_000);
        var photo = png(9_000);
        var files = List.of(upload(app, rivera, plan, "Care plan – Alex.pdf"), upload(app, rivera, photo, "whiteboard.png"));

        var reply = send(app, rivera, withAlex, "<p>Here is the plan we discussed</p>", files);
        assertEquals(201, reply.statusCode(), reply.body());
        var sent = json(reply.body());
        var attachments = sent.getJsonArray("attachments").getValuesAs(JsonObject.class);
        assertEquals(files, ids(sent.getJsonArray("attachments")), "both, in upload order");
        assertEquals("Care plan – Alex.pdf", attachments.get(0).getString("name"));
        assertEquals("application/pdf", attachments.get(0).getString("type"));
        assertEquals(plan.length, attachments.get(0).getJsonNumber("size").longValue());
        assertEquals("whiteboard.png", attachments.get(1).getString("name"));
        assertEquals("image/png", attachments.get(1).getString("type"));
        assertEquals(photo.length, attachments.get(1).getJsonNumber("size").longValue());

        var seen = message(app, app.token("alex.morgan"), withAlex, sent.getString("id"));
        assertEquals("<p>Here is the plan we discussed</p>", seen.getString("html"));
        assertEquals(sent.getJsonArray("attachments"), seen.getJsonArray("attachments"), "the client sees the same files");
        assertEquals(2, app.sql("SELECT count(*) FROM attachment WHERE message_id = ?::uuid AND conversation_id = ?::uuid",
                sent.getString("id"), withAlex));
    }

    @Test
    void aMessageWithoutFilesShowsAnEmptyListAndOneOfFilesOnlyNeedsNoText(WebApp app) {
        var jordan = app.token("jordan.lee");
        var withSam = app.conversationWith(app.token("dr.rivera"), "Sam Lee");
        var text = json(send(app, jordan, withSam, "<p>Thanks, see you Monday</p>", List.of()).body());
        assertEquals(0, text.getJsonArray("attachments").size());

        var file = upload(app, jordan, pdf(5_000), "school letter.pdf");
        var reply = send(app, jordan, withSam, "", List.of(file));
        assertEquals(201, reply.statusCode(), reply.body());
        var sent = json(reply.body());
        assertEquals("", sent.getString("html"));
        assertEquals(List.of(file), ids(sent.getJsonArray("attachments")));
        var listed = app.json(app.token("dr.rivera"), "GET", "conversations/" + withSam, null);
        assertTrue(listed.getString("lastMessagePreview").contains("school letter.pdf"), listed.toString());
        assertEquals(List.of(file), ids(message(app, app.token("dr.rivera"), withSam, sent.getString("id")).getJsonArray("attachments")));

        assertProblem(send(app, jordan, withSam, "", List.of()), 400, "empty-message");
    }

    @Test
    void aRetryOfTheSameClientMessageIdAnswersTheOriginalAndAttachesNothingAgain(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var file = upload(app, rivera, pdf(3_000), "worksheet.pdf");
        var clientMessageId = UUID.randomUUID().toString();

        var first = send(app, rivera, withAlex, clientMessageId, "<p>The worksheet</p>", List.of(file));
        assertEquals(201, first.statusCode(), first.body());
        var messages = messagesIn(app, withAlex);
        var retry = send(app, rivera, withAlex, clientMessageId, "<p>The worksheet</p>", List.of(file));
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(json(first.body()), json(retry.body()), "the original, files and all");
        // a retry naming another file still answers the original, and leaves that file unsent
        var other = upload(app, rivera, pdf(3_001), "other.pdf");
        var changed = send(app, rivera, withAlex, clientMessageId, "<p>The worksheet</p>", List.of(other));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(List.of(file), ids(json(changed.body()).getJsonArray("attachments")));
        assertEquals(messages, messagesIn(app, withAlex));
        assertEquals(1, app.sql("SELECT count(*) FROM attachment WHERE message_id = ?::uuid", json(first.body()).getString("id")));
        assertEquals(1, unsent(app, other));
    }

    @Test
    void aFileThatIsNotTheSendersOwnUnsentCleanUploadRefusesTheWholeSend(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var good = upload(app, rivera, pdf(2_000), "good.pdf");
        var colleagues = upload(app, app.token("dr.chen"), pdf(2_001), "chen.pdf");
        var otherPractice = upload(app, app.token("dr.okafor"), pdf(2_002), "lakeside.pdf");
        var alreadySent = upload(app, rivera, pdf(2_003), "sent.pdf");
        assertEquals(201, send(app, rivera, withAlex, "<p>sent once</p>", List.of(alreadySent)).statusCode());
        var scanning = upload(app, rivera, pdf(2_004), "scanning.pdf");
        app.sql("UPDATE attachment SET state = 'scanning' WHERE id = ?::uuid", scanning);
        var infected = upload(app, rivera, pdf(2_005), "infected.pdf");
        app.sql("UPDATE attachment SET state = 'infected' WHERE id = ?::uuid", infected);
        var messages = messagesIn(app, withAlex);
        var events = app.sql("SELECT count(*) FROM event WHERE conversation_id = ?::uuid", withAlex);

        for (var bad : List.of(colleagues, otherPractice, alreadySent, scanning, infected, UUID.randomUUID().toString(), "not-an-id")) {
            var clientMessageId = UUID.randomUUID().toString();
            assertProblem(send(app, rivera, withAlex, clientMessageId, "<p>with a bad file</p>", List.of(good, bad)), 409, "attachment-unavailable");
            assertEquals(0, app.sql("SELECT count(*) FROM message WHERE client_message_id = ?::uuid", clientMessageId));
        }
        assertEquals(messages, messagesIn(app, withAlex), "nothing was sent");
        assertEquals(events, app.sql("SELECT count(*) FROM event WHERE conversation_id = ?::uuid", withAlex), "nobody was told of anything");
        assertEquals(1, unsent(app, good), "the good file is still there, unsent");
        assertEquals(1, unsent(app, colleagues));
        // and the same send with its good file alone goes through
        assertEquals(201, send(app, rivera, withAlex, "<p>with a good file</p>", List.of(good)).statusCode());
    }

    @Test
    void sendsRacingWithOneFileAttachItToOneMessageOnly(WebApp app) throws Exception {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var file = upload(app, rivera, pdf(8_000), "one copy.pdf");
        var senders = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(senders);
        try {
            var replies = new ArrayList<Future<Integer>>();
            for (var i = 0; i < senders; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return send(app, rivera, withAlex, "<p>racing</p>", List.of(file)).statusCode();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var reply : replies) {
                statuses.add(reply.get(2, TimeUnit.MINUTES));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(senders - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, app.sql("SELECT count(*) FROM attachment WHERE id = ?::uuid AND message_id IS NOT NULL", file));
    }

    @Test
    void moreFilesThanAMessageMayCarryAreRefusedAndNoneIsSent(WebApp app) {
        var rivera = app.token("dr.rivera");
        var withAlex = app.conversationWith(rivera, "Alex Morgan");
        var files = new ArrayList<String>();
        for (var i = 0; i < 11; i++) {
            files.add(upload(app, rivera, pdf(1_000 + i), "page " + i + ".pdf"));
        }
        var messages = messagesIn(app, withAlex);
        assertProblem(send(app, rivera, withAlex, "<p>all pages</p>", files), 400, "too-many-attachments");
        assertEquals(messages, messagesIn(app, withAlex));
        assertEquals(11, files.stream().mapToLong(f -> unsent(app, f)).sum());
        // ten, the default limit, go
        var ten = send(app, rivera, withAlex, "<p>ten pages</p>", files.subList(0, 10));
        assertEquals(201, ten.statusCode(), ten.body());
        assertEquals(10, json(ten.body()).getJsonArray("attachments").size());
    }
}
