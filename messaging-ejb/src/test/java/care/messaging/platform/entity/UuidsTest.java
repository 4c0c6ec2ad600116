package care.messaging.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    static final String ID = "3f2b8c1e-9d4a-4e6b-8f0a-1c2d3e4f5a6b";

    @Test
    void theCanonicalFormInAnyCaseIsTheId() {
        assertEquals(UUID.fromString(ID), Uuids.parse(ID).orElseThrow());
        assertEquals(UUID.fromString(ID), Uuids.parse(ID.toUpperCase()).orElseThrow());
    }

    @Test
    void shortFormsThatUuidFromStringTakesAreNotIds() {
        // UUID.fromString("1-1-1-1-1") is 00000001-0001-0001-0001-000000000001: a second spelling of one id.
        UUID.fromString("1-1-1-1-1");
        for (var text : new String[]{"1-1-1-1-1", "{" + ID + "}", ID + " ", ID.replace("-", ""), "", null,
                ID.substring(1), ID.replace('3', 'g')}) {
            assertTrue(Uuids.parse(text).isEmpty(), String.valueOf(text));
        }
    }

    @Test
    void whatIsNotAnIdIsNotFoundOrInvalidAsTheCallerSays() {
        var notFound = assertThrows(DomainException.class, () -> Uuids.orNotFound("1-1-1-1-1"));
        assertEquals(DomainException.notFound().problem(), notFound.problem());
        var invalid = assertThrows(DomainException.class, () -> Uuids.orInvalid("x", ProblemType.INVALID_CLIENT_ID, "clientId must be a client's id"));
        assertEquals(ProblemType.INVALID_CLIENT_ID, invalid.problem());
    }
}
