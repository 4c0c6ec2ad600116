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
 * The record of announcements: who sent one, when it starts, where its delivery stands and what became of each
 * recipient, so a retry answers what the first call did and the sender can follow and look back at what they sent.
 * The text is here only while the delivery waits or runs (sealed; see {@code AnnouncementQueue}): each recipient's
 * copy is an encrypted message of their own thread.
 */
@Dependent
public class AnnouncementLog {

    public record Sent(UUID senderId, OffsetDateTime sentAt, String state) {
    }

    static final String HEAD = """
            SELECT a.id, a.sent_at, a.state, a.starts_at, a.time_zone, a.total,
                   count(r.message_id), count(r.skipped)
              FROM announcement a LEFT JOIN announcement_recipient r ON r.announcement_id = a.id""";
    static final String RECIPIENTS = """
            SELECT r.client_id, cl.display_name, r.conversation_id, r.message_id, r.skipped
              FROM announcement_recipient r JOIN client cl ON cl.id = r.client_id
             WHERE r.announcement_id = ?1 AND (r.message_id IS NOT NULL OR r.skipped IS NOT NULL)
             ORDER BY cl.display_name, r.client_id LIMIT ?2""";

    @PersistenceContext
    EntityManager em;

    public Optional<Sent> find(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT sender_id, sent_at, state FROM announcement WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Sent((UUID) r[0], Rows.time(r[1]), (String) r[2])).findFirst();
    }

    /** One announcement with its counts and decided recipients. */
    public AnnouncementView view(UUID id) {
        return view(head(id), true);
    }

    /** One announcement's state and counts, without its recipients: what a batch tells the sender. */
    public AnnouncementView summary(UUID id) {
        return view(head(id), false);
    }

    Object[] head(UUID id) {
        List<?> heads = em.createNativeQuery(HEAD + " WHERE a.id = ?1 GROUP BY a.id").setParameter(1, id).getResultList();
        return (Object[]) heads.get(0);
    }

    /** The sender's latest announcements, scheduled ones included, newest first. */
    public List<AnnouncementView> sentBy(UUID senderId, int limit) {
        List<?> heads = em.createNativeQuery(HEAD + " WHERE a.sender_id = ?1 GROUP BY a.id ORDER BY a.sent_at DESC, a.id DESC LIMIT ?2")
                .setParameter(1, senderId).setParameter(2, limit).getResultList();
        return heads.stream().map(Object[].class::cast).map(head -> view(head, true)).toList();
    }

    AnnouncementView view(Object[] head, boolean withRecipients) {
        var id = (UUID) head[0];
        var total = (int) Rows.number(head[5]);
        var delivered = (int) Rows.number(head[6]);
        var skipped = (int) Rows.number(head[7]);
        List<?> rows = !withRecipients ? List.of() : em.createNativeQuery(RECIPIENTS).setParameter(1, id)
                .setParameter(2, AnnouncementView.RECIPIENTS_SHOWN).getResultList();
        var recipients = rows.stream().map(Object[].class::cast)
                .map(r -> new Recipient((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], (String) r[4])).toList();
        return new AnnouncementView(id, Rows.time(head[1]), (String) head[2], Rows.time(head[3]), (String) head[4],
                total, delivered, skipped, total - delivered - skipped, recipients);
    }
}
