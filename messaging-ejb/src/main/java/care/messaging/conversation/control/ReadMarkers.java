package care.messaging.conversation.control;

import care.messaging.platform.control.Rows;
import care.messaging.conversation.entity.Conversation;
import care.messaging.directory.entity.Account;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/** A reader's position in a conversation. It only moves forward; each move is kept as a receipt. */
@Dependent
public class ReadMarkers {

    // The WHERE clause of the upsert is what makes the marker monotonic, also under concurrent calls.
    static final String ADVANCE = """
            INSERT INTO read_marker (conversation_id, account_id, seq, read_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (conversation_id, account_id) DO UPDATE SET seq = EXCLUDED.seq, read_at = EXCLUDED.read_at
            WHERE read_marker.seq < EXCLUDED.seq""";
    static final String RECEIPT = """
            INSERT INTO read_receipt (conversation_id, account_id, seq, client_side, read_at)
            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""";
    static final String CURRENT = "SELECT seq FROM read_marker WHERE conversation_id = ?1 AND account_id = ?2";

    @PersistenceContext
    EntityManager em;

    /** Where a marker stands after an advance, and whether this call moved it. */
    public record Advance(long marker, boolean moved) {
    }

    /** Moves the marker to seq if that is forward; answers where the marker stands afterwards. */
    public Advance advance(Conversation conversation, Account reader, long seq, OffsetDateTime at) {
        var target = conversation.clampToLastSeq(seq);
        var moved = false;
        if (target > 0) {
            moved = em.createNativeQuery(ADVANCE)
                    .setParameter(1, conversation.id()).setParameter(2, reader.id())
                    .setParameter(3, target).setParameter(4, at)
                    .executeUpdate() == 1;
            if (moved) {
                em.createNativeQuery(RECEIPT)
                        .setParameter(1, conversation.id()).setParameter(2, reader.id()).setParameter(3, target)
                        .setParameter(4, conversation.secondSide(reader.id(), reader.role().isClientSide())).setParameter(5, at)
                        .executeUpdate();
            }
        }
        return new Advance(current(conversation, reader), moved);
    }

    public long current(Conversation conversation, Account reader) {
        List<?> rows = em.createNativeQuery(CURRENT)
                .setParameter(1, conversation.id()).setParameter(2, reader.id())
                .getResultList();
        return rows.isEmpty() ? 0 : Rows.number(rows.get(0));
    }
}
