package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    UnexpectedExceptionMapper cut = new UnexpectedExceptionMapper();

    @Test
    void unreadableJsonIsABadRequest() {
        var response = cut.toResponse(new ProcessingException(new JsonbException("Unexpected char at 12")));
        assertEquals(400, response.getStatus());
        assertTrue(((String) response.getEntity()).contains("problem:malformed-json"));
    }

    @Test
    void jaxRsRefusalsKeepTheirStatus() {
        assertEquals(404, cut.toResponse(new NotFoundException()).getStatus());
        assertEquals(405, cut.toResponse(new NotAllowedException("GET")).getStatus());
    }

    @Test
    void anythingElseIsAServerErrorThatRevealsNothing() {
        var response = cut.toResponse(new IllegalStateException("patient Alex Morgan said secret"));
        assertEquals(500, response.getStatus());
        var body = (String) response.getEntity();
        assertTrue(body.contains("problem:server-error"), body);
        assertFalse(body.contains("Alex"), body);
        assertEquals(Problems.MEDIA_TYPE, response.getMediaType().toString());
    }
}
