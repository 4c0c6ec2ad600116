package care.messaging.platform.rest;

import care.messaging.platform.control.JsonObjects;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * RFC 9457 problem documents. The type is a stable URN per failure; the instance URN is what the log
 * line for the same failure carries, so IT can match a report to the log without PHI in either.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:care-messaging:problem:";

    private Problems() {
    }

    public static String instance() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    public static String json(String type, String title, int status, String instance) {
        return JsonObjects.builder()
                .add("type", TYPE_PREFIX + type)
                .add("title", title)
                .add("status", status)
                .add("instance", instance)
                .build().toString();
    }

    public static Response response(String type, String title, int status, String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(json(type, title, status, instance)).build();
    }
}
