package care.messaging.delivery.socket;

import care.messaging.delivery.entity.EventPage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** A page of events as one text frame: the same JSON as GET /api/events answers (JSON-B, as JAX-RS writes it). */
final class Frames {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private Frames() {
    }

    static String of(EventPage page) {
        return JSONB.toJson(page);
    }
}
