package care.messaging.conversation.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A uuid column that may be NULL. EclipseLink's own UUIDConverter (applied to every UUID attribute) fails
 * on a NULL value (NullPointerException in convertDataValueToObjectValue), so nullable uuid columns map
 * through this one. PostgreSQL's driver reads uuid as java.util.UUID and binds it as uuid.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return UUID.fromString(value.toString());
    }
}
