package care.messaging.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NullableUuidTest {

    final NullableUuid converter = new NullableUuid();

    @Test
    void nullStaysNullBothWays() {
        assertNull(converter.convertToEntityAttribute(null));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    @Test
    void readsTheDriversUuidOrItsText() {
        var id = UUID.randomUUID();
        assertEquals(id, converter.convertToEntityAttribute(id));
        assertEquals(id, converter.convertToEntityAttribute(id.toString()));
        assertEquals(id, converter.convertToDatabaseColumn(id));
    }
}
