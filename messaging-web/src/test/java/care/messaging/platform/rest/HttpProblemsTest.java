package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container's and JAX-RS's own refusals, as the error pages and the last-resort mapper answer them. */
class HttpProblemsTest {

    @Test
    void eachStatusTheContainerAnswersHasItsType() {
        var expected = Map.of(400, "bad-request", 401, "invalid-token", 403, "forbidden", 404, "not-found",
                405, "method-not-allowed", 406, "not-acceptable", 413, "body-too-large", 415, "unsupported-media-type",
                500, "server-error");
        expected.forEach((status, type) -> {
            var problem = HttpProblems.of(status);
            assertEquals(type, problem.problem().slug());
            assertEquals(status, Problems.status(problem.problem().kind()), type);
            assertEquals(Problems.TYPE_PREFIX + type, body(problem, status).getString("type"));
        });
    }

    @Test
    void anyOtherRefusalKeepsItsStatusAndNamesIt() {
        var body = body(HttpProblems.of(411), 411);

        assertEquals(ProblemType.HTTP_STATUS, HttpProblems.of(411).problem());
        assertEquals(Problems.TYPE_PREFIX + "http-411", body.getString("type"));
        assertEquals(411, body.getInt("status"));
        assertEquals("The request was refused", body.getString("title"));
    }

    @Test
    void anyServerFailureOfTheContainerIsAServerErrorWithItsStatus() {
        var body = body(HttpProblems.of(502), 502);

        assertEquals(Problems.TYPE_PREFIX + "server-error", body.getString("type"));
        assertEquals(502, body.getInt("status"));
        assertTrue(body.getString("instance").startsWith("urn:uuid:"));
    }

    static JsonObject body(HttpProblems problem, int status) {
        try (var reader = Json.createReader(new StringReader(problem.json(status)))) {
            return reader.readObject();
        }
    }
}
