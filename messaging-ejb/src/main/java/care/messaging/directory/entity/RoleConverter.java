package care.messaging.directory.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.claim();
    }

    @Override
    public Role convertToEntityAttribute(String claim) {
        return claim == null ? null : Role.ofClaim(claim);
    }
}
