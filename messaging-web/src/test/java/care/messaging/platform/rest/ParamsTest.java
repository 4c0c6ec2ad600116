package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void parsesOrLeavesAbsentValuesAbsent() {
        assertEquals(12, Params.integer("limit", "12"));
        assertNull(Params.integer("limit", null));
        assertEquals(7L, Params.positiveLong("before", "7"));
        assertNull(Params.positiveLong("before", ""));
    }

    @Test
    void malformedValuesAreInvalidInputNamedAfterTheParameter() {
        assertEquals("invalid-limit", assertThrows(DomainException.class, () -> Params.integer("limit", "ten")).type());
        assertEquals("invalid-before", assertThrows(DomainException.class, () -> Params.positiveLong("before", "0")).type());
        assertEquals("invalid-before", assertThrows(DomainException.class, () -> Params.positiveLong("before", "x")).type());
        assertEquals("missing-body", assertThrows(DomainException.class, () -> Params.required(null)).type());
    }
}
