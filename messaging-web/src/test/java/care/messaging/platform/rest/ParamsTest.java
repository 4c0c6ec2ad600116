package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void parsesOrLeavesAbsentValuesAbsent() {
        assertEquals(12, Params.integer("limit", ProblemType.INVALID_LIMIT, "12"));
        assertNull(Params.integer("limit", ProblemType.INVALID_LIMIT, null));
        assertEquals(7L, Params.positiveLong("before", ProblemType.INVALID_BEFORE, "7"));
        assertNull(Params.positiveLong("before", ProblemType.INVALID_BEFORE, ""));
    }

    @Test
    void malformedValuesAreInvalidInputNamedAfterTheParameter() {
        assertEquals("invalid-limit", assertThrows(DomainException.class, () -> Params.integer("limit", ProblemType.INVALID_LIMIT, "ten")).type());
        assertEquals("invalid-before", assertThrows(DomainException.class, () -> Params.positiveLong("before", ProblemType.INVALID_BEFORE, "0")).type());
        assertEquals("invalid-before", assertThrows(DomainException.class, () -> Params.positiveLong("before", ProblemType.INVALID_BEFORE, "x")).type());
        assertEquals("missing-body", assertThrows(DomainException.class, () -> Params.required(null)).type());
    }
}
