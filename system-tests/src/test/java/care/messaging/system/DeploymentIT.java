package care.messaging.system;

import static care.messaging.system.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the EAR exposes on a hospital's server besides the API itself, and what it must not. */
@ExtendWith(PayaraServer.class)
class DeploymentIT {

    final Api api;

    DeploymentIT(Api api) {
        this.api = api;
    }

    @Test
    void devLoginDoesNotExistInTheEar() {
        var reply = api.call(null, "POST", "/dev/login", "{\"username\": \"dr.rivera\"}");

        assertProblem(404, "not-found", reply);
    }

    @Test
    void openApiDescribesTheConversationsApi() {
        var reply = api.server("/openapi", "application/json");

        assertEquals(200, reply.status(), reply::toString);
        var paths = reply.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/conversations"), paths.keySet()::toString);
        assertTrue(paths.containsKey("/api/conversations/{id}/messages"), paths.keySet()::toString);
    }
}
