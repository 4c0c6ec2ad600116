package care.messaging.conversation.control;

import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.delivery.control.EventLog;
import care.messaging.delivery.entity.Draft;
import care.messaging.delivery.entity.Event;
import care.messaging.directory.entity.Account;
import care.messaging.platform.control.JsonObjects;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events a conversation's changes produce, for everyone who takes part in it: its practitioner and
 * every portal account acting for its client. Appended in the use case's transaction, after its writes.
 */
@Dependent
public class Notifications {

    /** A participant, the side they are on, and how many of the other side's messages they have not read. */
    record Member(UUID account, boolean clientSide, long unread) {
    }

    // Everyone taking part, with their unread counts, in one round trip (it runs on every send).
    static final String MEMBERS = """
            SELECT p.account_id, p.client_side,
                   (SELECT count(*) FROM message m
                     WHERE m.conversation_id = ?1 AND m.from_client <> p.client_side
                       AND m.seq > coalesce((SELECT rm.seq FROM read_marker rm
                                              WHERE rm.conversation_id = ?1 AND rm.account_id = p.account_id), 0))
              FROM (SELECT CAST(?2 AS uuid) AS account_id, false AS client_side
                    UNION ALL
                    SELECT account_id, true FROM client_account WHERE client_id = ?3) p
             ORDER BY p.account_id""";

    @PersistenceContext
    EntityManager em;
    @Inject
    EventLog events;

    public void messageCreated(Conversation conversation, Message message) {
        var batch = events.batch();
        var created = new Draft(Event.MESSAGE_CREATED, conversation.id(), message.id(), message.seq(),
                JsonObjects.builder().add("senderId", message.senderId().toString()).build());
        for (var member : members(conversation)) {
            batch.add(member.account(), created);
            batch.add(member.account(), changed(conversation, member));
        }
        batch.append();
    }

    /** The reader's marker moved: a receipt for the other side, a new unread count for the reader. */
    public void markerMoved(Conversation conversation, Account reader, long seq, OffsetDateTime at) {
        var batch = events.batch();
        var receipt = new Draft(Event.MESSAGE_READ, conversation.id(), null, seq,
                JsonObjects.builder().add("readerId", reader.id().toString()).add("readAt", at.toString()).build());
        var readerSide = reader.role().isClientSide();
        for (var member : members(conversation)) {
            if (member.clientSide() != readerSide) {
                batch.add(member.account(), receipt);
            } else if (member.account().equals(reader.id())) {
                batch.add(member.account(), changed(conversation, member));
            }
        }
        batch.append();
    }

    public void started(Conversation conversation) {
        var batch = events.batch();
        for (var member : members(conversation)) {
            batch.add(member.account(), changed(conversation, member));
        }
        batch.append();
    }

    static Draft changed(Conversation conversation, Member member) {
        return new Draft(Event.CONVERSATION_CHANGED, conversation.id(), null, conversation.lastSeq(),
                JsonObjects.builder().add("unreadCount", member.unread()).build());
    }

    List<Member> members(Conversation conversation) {
        List<?> rows = em.createNativeQuery(MEMBERS)
                .setParameter(1, conversation.id())
                .setParameter(2, conversation.practitionerId().toString())
                .setParameter(3, conversation.clientId())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Member((UUID) r[0], (Boolean) r[1], Rows.number(r[2])))
                .toList();
    }
}
