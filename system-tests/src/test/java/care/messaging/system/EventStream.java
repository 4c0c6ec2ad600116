package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One caller's event stream over GET /api/events: where it ends now, and what came after a cursor. */
final class EventStream {

    private EventStream() {
    }

    /** The cursor after the caller's newest event. */
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

    private static JsonObject page(Api api, Caller as, long after) {
        var reply = api.get(as, "/events?after=" + after);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
