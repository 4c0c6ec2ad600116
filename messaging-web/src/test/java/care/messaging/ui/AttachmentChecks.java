package care.messaging.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/** What the attachment tests look at: a file's chip in the composer, the names of a message's files, screenshots. */
final class AttachmentChecks {

    static final Pattern SENT = Pattern.compile("^(Sent|Read )");

    private AttachmentChecks() {
    }

    static Locator chip(Page page, String name) {
        return page.locator(".attachment-chip").filter(new Locator.FilterOptions().setHas(
                page.locator(".attachment-name").filter(new Locator.FilterOptions().setHasText(name))));
    }

    static List<String> names(JsonObject message) {
        return message.getJsonArray("attachments").getValuesAs(JsonObject.class).stream().map(f -> f.getString("name")).toList();
    }

    /** The page at a phone's width and at a desktop's, then back to the desktop. */
    static void screenshots(Page page, String name) {
        var before = page.viewportSize();
        for (var width : new int[] {390, 1366}) {
            page.setViewportSize(width, width < 800 ? 844 : 900);
            WebApp.screenshot(page, name + "-" + width);
        }
        page.setViewportSize(before.width, before.height);
    }

    /** Uploads a file and sends it in a message through the API, as another device would; answers the message. */
    static JsonObject sendFile(WebApp app, String token, String conversation, String text, String name, byte[] bytes) {
        var uploaded = app.bytes(token, "POST", "attachments", java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes),
                java.util.Map.of("Content-Type", "application/octet-stream", "Content-Disposition",
                        "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        if (uploaded.statusCode() != 201) {
            throw new IllegalStateException("upload: HTTP " + uploaded.statusCode());
        }
        String id;
        try (var reader = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(uploaded.body()))) {
            id = reader.readObject().getString("id");
        }
        var body = jakarta.json.Json.createObjectBuilder().add("clientMessageId", java.util.UUID.randomUUID().toString())
                .add("html", "<p>" + text + "</p>").add("attachments", jakarta.json.Json.createArrayBuilder().add(id)).build();
        return app.json(token, "POST", "conversations/" + conversation + "/messages", body.toString());
    }

    /** A file's bytes as numbers, for a File made in the page. */
    static List<Integer> toInts(byte[] bytes) {
        var ints = new java.util.ArrayList<Integer>(bytes.length);
        for (var b : bytes) {
            ints.add(b & 0xff);
        }
        return ints;
    }

}
