package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every refusal is an RFC 9457 problem with a stable type; tests assert status, media type and type. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:care-messaging:problem:";

    private Problems() {
    }

    static void assertProblem(int status, String type, Api.Reply reply) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertAll(
                () -> assertEquals(MEDIA_TYPE, reply.mediaType(), () -> "media type of " + reply),
                () -> assertEquals(TYPE_PREFIX + type, reply.json().getString("type"), () -> "type of " + reply),
                () -> assertEquals(status, reply.json().getInt("status"), () -> "status in " + reply));
    }
}
