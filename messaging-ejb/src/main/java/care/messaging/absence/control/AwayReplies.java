package care.messaging.absence.control;

import care.messaging.absence.entity.Absence;
import care.messaging.conversation.control.OutOfOfficeReplies;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-of-office's answer to a send: the practitioner's period that is on at the send's time (by its times, not by
 * what the timers announced, so a reply never waits for a timer), unless the conversation already had its reply.
 * One indexed statement per send that can ask (a client's, or a colleague's); the record of the reply is the
 * primary key (absence_id, conversation_id), which makes a second one impossible whatever races.
 */
@Dependent
public class AwayReplies implements OutOfOfficeReplies {

    static final String DUE = """
            SELECT a.id FROM absence a
             WHERE a.account_id = ?1 AND a.starts_at <= ?2 AND (a.ends_at IS NULL OR a.ends_at > ?2) AND (a.colleagues OR NOT ?3)
               AND EXISTS (SELECT 1 FROM account p WHERE p.id = a.account_id AND p.enabled)
               AND NOT EXISTS (SELECT 1 FROM absence_reply r WHERE r.absence_id = a.id AND r.conversation_id = ?4)""";
    static final String REPLIED = """
            INSERT INTO absence_reply (absence_id, conversation_id, message_id, replied_at) VALUES (?1, ?2, ?3, ?4)""";

    @PersistenceContext
    EntityManager em;
    @Inject
    AbsenceBook book;

    @Override
    public Optional<Due> due(UUID practitioner, UUID conversation, boolean colleague, OffsetDateTime at) {
        List<?> ids = em.createNativeQuery(DUE).setParameter(1, practitioner).setParameter(2, at).setParameter(3, colleague)
                .setParameter(4, conversation).getResultList();
        return ids.stream().map(UUID.class::cast).findFirst()
                .flatMap(id -> book.reply(em.find(Absence.class, id)).map(html -> new Due(id, html)));
    }

    @Override
    public void replied(Due due, UUID conversation, UUID message, OffsetDateTime at) {
        em.createNativeQuery(REPLIED).setParameter(1, due.period()).setParameter(2, conversation).setParameter(3, message)
                .setParameter(4, at).executeUpdate();
    }
}
