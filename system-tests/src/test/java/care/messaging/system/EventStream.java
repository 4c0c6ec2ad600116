package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A caller's event stream over HTTP (GET /events), read from a cursor without waiting. */
final class EventStream {

    private final Api api;

    EventStream(Api api) {
        this.api = api;
    }

    /** The cursor after everything the caller's stream holds now. */
    long end(Caller as) {
        long cursor = 0;
        while (true) {
            var page = page(as, cursor);
            var next = page.getJsonNumber("cursor").longValue();
            if (page.getJsonArray("events").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }

    /**
     * Every event after the cursor, except presence: whether a counterpart is online changes by itself,
     * so a test that counts what an action told a device leaves it out.
     */
    List<JsonObject> after(Caller as, long cursor) {
        var events = new ArrayList<JsonObject>();
        while (true) {
            var page = page(as, cursor);
            var batch = page.getJsonArray("events").getValuesAs(JsonObject.class);
            if (batch.isEmpty()) {
                return events;
            }
            batch.stream().filter(e -> !e.getString("type").equals("presence")).forEach(events::add);
            cursor = page.getJsonNumber("cursor").longValue();
        }
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

    private JsonObject page(Caller as, long after) {
        var reply = api.get(as, "/events?after=" + after + "&wait=0");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
