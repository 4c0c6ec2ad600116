package care.messaging.conversation.control;

import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.platform.entity.DomainException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Opens the one conversation of a practitioner-client pair, or finds it; concurrent starts agree. */
@Dependent
public class ConversationStarts {

    public record Started(UUID id, boolean created) {
    }

    static final String INSERT = """
            INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (practitioner_id, client_id) DO NOTHING""";
    static final String FIND = "SELECT id FROM conversation WHERE practitioner_id = ?1 AND client_id = ?2";

    @PersistenceContext
    EntityManager em;

    public Started start(Account practitioner, String clientId, OffsetDateTime at) {
        var client = em.find(Client.class, parse(clientId));
        if (client == null || !client.belongsTo(practitioner.practiceId()) || !client.isEnabled()) {
            throw DomainException.notFound();
        }
        var created = em.createNativeQuery(INSERT)
                .setParameter(1, UUID.randomUUID()).setParameter(2, client.practiceId())
                .setParameter(3, practitioner.id()).setParameter(4, client.id()).setParameter(5, at)
                .executeUpdate() == 1;
        var id = (UUID) em.createNativeQuery(FIND)
                .setParameter(1, practitioner.id()).setParameter(2, client.id())
                .getSingleResult();
        return new Started(id, created);
    }

    static UUID parse(String clientId) {
        try {
            return UUID.fromString(clientId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.invalid("invalid-client-id", "clientId must be a client's id");
        }
    }
}
