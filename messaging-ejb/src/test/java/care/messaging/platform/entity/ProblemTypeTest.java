package care.messaging.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void eachSlugIsOneTypesOwnAndReadsAsAUrnPart() {
        var slugs = Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList();

        assertEquals(slugs.size(), slugs.stream().distinct().count(), slugs::toString);
        assertTrue(slugs.stream().allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*|http-<status>")), slugs::toString);
        assertEquals("client-message-id-reused", ProblemType.CLIENT_MESSAGE_ID_REUSED.slug());
    }

    @Test
    void aSlugNamesItsType() {
        for (var type : ProblemType.values()) {
            assertEquals(type, ProblemType.ofSlug(type.slug()));
        }
        assertThrows(IllegalArgumentException.class, () -> ProblemType.ofSlug("no-such-type"));
    }

    @Test
    void aPolicyRefusalIsAConflict() {
        assertEquals(ProblemType.Kind.CONFLICT, new PolicyRefusal(ProblemType.CLIENT_BLOCKED, "x").kind());
        assertThrows(IllegalArgumentException.class, () -> new PolicyRefusal(ProblemType.WRONG_ROLE, "x"));
    }
}
