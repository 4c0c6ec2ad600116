package care.messaging.announcement.control;

import care.messaging.announcement.entity.AnnouncementView;
import care.messaging.announcement.entity.AnnouncementView.Recipient;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of announcements: who sent one, when, and what became of each recipient, so a retry
 * answers what the first call did and the sender can look back at what they sent. No text is kept here:
 * each recipient's copy is an encrypted message of their own thread.
 */
@Dependent
public class AnnouncementLog {

    public record Sent(UUID senderId, OffsetDateTime sentAt) {
    }

    static final String RECIPIENTS = """
            SELECT r.client_id, cl.display_name, r.conversation_id, r.message_id, r.skipped
              FROM announcement_recipient r JOIN client cl ON cl.id = r.client_id
             WHERE r.announcement_id = ?1
             ORDER BY cl.display_name, r.client_id""";
    static final String SENDERS = """
            SELECT a.id, a.sent_at FROM announcement a WHERE a.sender_id = ?1
             ORDER BY a.sent_at DESC, a.id DESC LIMIT ?2""";

    @PersistenceContext
    EntityManager em;

    public Optional<Sent> find(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT sender_id, sent_at FROM announcement WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Sent((UUID) r[0], Rows.time(r[1]))).findFirst();
    }

    public void open(UUID id, UUID practiceId, UUID senderId, OffsetDateTime at) {
        em.createNativeQuery("INSERT INTO announcement (id, practice_id, sender_id, sent_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, practiceId).setParameter(3, senderId).setParameter(4, at)
                .executeUpdate();
    }

    /** The recipient's copy was written: where it went. */
    public void delivered(UUID id, UUID clientId, UUID conversationId, UUID messageId) {
        em.createNativeQuery("""
                        INSERT INTO announcement_recipient (announcement_id, client_id, conversation_id, message_id)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, conversationId).setParameter(4, messageId)
                .executeUpdate();
    }

    public void skipped(UUID id, UUID clientId, String reason) {
        em.createNativeQuery("INSERT INTO announcement_recipient (announcement_id, client_id, skipped) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, reason)
                .executeUpdate();
    }

    public AnnouncementView view(UUID id, OffsetDateTime sentAt) {
        List<?> rows = em.createNativeQuery(RECIPIENTS).setParameter(1, id).getResultList();
        return AnnouncementView.of(id, sentAt, rows.stream().map(Object[].class::cast)
                .map(r -> new Recipient((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], (String) r[4])).toList());
    }

    /** The sender's latest announcements, newest first. */
    public List<AnnouncementView> sentBy(UUID senderId, int limit) {
        List<?> rows = em.createNativeQuery(SENDERS).setParameter(1, senderId).setParameter(2, limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> view((UUID) r[0], Rows.time(r[1]))).toList();
    }
}
