package care.messaging.conversation.control;

import care.messaging.platform.entity.Uuids;
import care.messaging.directory.entity.Account;
import care.messaging.conversation.entity.ColleaguePair;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Opens the one conversation of a practitioner-client pair (or of two colleagues), or finds it; concurrent starts agree. */
@Dependent
public class ConversationStarts {

    public record Started(UUID id, boolean created) {
    }

    static final String INSERT = """
            INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (practitioner_id, client_id) DO NOTHING""";
    static final String FIND = "SELECT id FROM conversation WHERE practitioner_id = ?1 AND client_id = ?2";

    static final String INSERT_COLLEAGUE = """
            INSERT INTO conversation (id, practice_id, practitioner_id, colleague_id, kind, created_at, last_activity_at)
            VALUES (?1, ?2, ?3, ?4, 'colleague', ?5, ?5)
            ON CONFLICT (practitioner_id, colleague_id) WHERE kind = 'colleague' DO NOTHING""";
    static final String FIND_COLLEAGUE = """
            SELECT id FROM conversation WHERE kind = 'colleague' AND practitioner_id = ?1 AND colleague_id = ?2""";

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

    /**
     * Opens (or finds) the one conversation of a practitioner with another enabled practitioner of their
     * practice; anyone else, oneself included, does not exist for this (404).
     */
    public Started startColleague(Account practitioner, String colleagueId, OffsetDateTime at) {
        var colleague = em.find(Account.class, parseColleague(colleagueId));
        if (colleague == null || !colleague.practiceId().equals(practitioner.practiceId())
                || colleague.role() != Role.PRACTITIONER || !colleague.isEnabled() || colleague.id().equals(practitioner.id())) {
            throw DomainException.notFound();
        }
        var pair = ColleaguePair.of(practitioner.id(), colleague.id());
        var created = em.createNativeQuery(INSERT_COLLEAGUE)
                .setParameter(1, UUID.randomUUID()).setParameter(2, practitioner.practiceId())
                .setParameter(3, pair.first()).setParameter(4, pair.second()).setParameter(5, at)
                .executeUpdate() == 1;
        var id = (UUID) em.createNativeQuery(FIND_COLLEAGUE)
                .setParameter(1, pair.first()).setParameter(2, pair.second())
                .getSingleResult();
        return new Started(id, created);
    }

    static UUID parseColleague(String practitionerId) {
        return Uuids.orInvalid(practitionerId, ProblemType.INVALID_PRACTITIONER_ID, "practitionerId must be a practitioner's id");
    }

    static UUID parse(String clientId) {
        return Uuids.orInvalid(clientId, ProblemType.INVALID_CLIENT_ID, "clientId must be a client's id");
    }
}
