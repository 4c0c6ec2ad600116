package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A caller's event stream over HTTP (GET /events), read from a cursor without waiting: where it ends now,
 * and what came after a cursor. As an object over an {@link Api} it leaves presence out (whether a
 * counterpart is online changes by itself, so a test that counts what an action told a device ignores
 * it); the static forms return every event.
 */
final class EventStream {

    private final Api api;

    EventStream(Api api) {
        this.api = api;
    }

    /** The cursor after everything the caller's stream holds now. */
    long end(Caller as) {
        return end(api, as);
    }

    /** Every event after the cursor, except presence. */
    List<JsonObject> after(Caller as, long cursor) {
        return after(api, as, cursor).stream().filter(e -> !e.getString("type").equals("presence")).toList();
    }

    static long end(Api api, Caller as) {
        long cursor = 0;
        while (true) {
            var page = page(api, as, cursor);
            var next = page.getJsonNumber("cursor").longValue();
            if (page.getJsonArray("events").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }

    /** Every event after the cursor (all pages, no waiting). */
    static List<JsonObject> after(Api api, Caller as, long cursor) {
        var events = new ArrayList<JsonObject>();
        while (true) {
            var page = page(api, as, cursor);
            var batch = page.getJsonArray("events").getValuesAs(JsonObject.class);
            if (batch.isEmpty()) {
                return events;
            }
            events.addAll(batch);
            cursor = page.getJsonNumber("cursor").longValue();
        }
    }

    /** The events of a type (and of a conversation, unless null) after the cursor. */
    static List<JsonObject> after(Api api, Caller as, long cursor, String type, String conversationId) {
        return after(api, as, cursor).stream()
                .filter(e -> e.getString("type").equals(type))
                .filter(e -> conversationId == null || conversationId.equals(e.getString("conversationId", null)))
                .toList();
    }

    /** The events of one type about one conversation, in stream order. */
    static List<JsonObject> of(List<JsonObject> events, String type, String conversationId) {
        return events.stream()
                .filter(e -> e.getString("type").equals(type) && conversationId.equals(e.getString("conversationId", null)))
                .toList();
    }

    /** The one event of this type about this conversation. */
    static JsonObject only(List<JsonObject> events, String type, String conversationId) {
        var matching = of(events, type, conversationId);
        assertEquals(1, matching.size(), () -> type + " in " + events);
        return matching.get(0);
    }

    private static JsonObject page(Api api, Caller as, long after) {
        var reply = api.get(as, "/events?after=" + after + "&wait=0");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
