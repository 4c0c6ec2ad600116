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

    /** A participant and the side they are on. */
    record Member(UUID account, boolean clientSide) {
    }

    static final String PORTAL_ACCOUNTS = "SELECT account_id FROM client_account WHERE client_id = ?1 ORDER BY account_id";
    static final String UNREAD = """
            SELECT count(*) FROM message m
             WHERE m.conversation_id = ?1 AND m.from_client <> ?2
               AND m.seq > coalesce((SELECT rm.seq FROM read_marker rm
                                      WHERE rm.conversation_id = ?1 AND rm.account_id = ?3), 0)""";

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

    Draft changed(Conversation conversation, Member member) {
        var unread = Rows.number(em.createNativeQuery(UNREAD)
                .setParameter(1, conversation.id()).setParameter(2, member.clientSide()).setParameter(3, member.account())
                .getSingleResult());
        return new Draft(Event.CONVERSATION_CHANGED, conversation.id(), null, conversation.lastSeq(),
                JsonObjects.builder().add("unreadCount", unread).build());
    }

    List<Member> members(Conversation conversation) {
        List<?> portal = em.createNativeQuery(PORTAL_ACCOUNTS).setParameter(1, conversation.clientId()).getResultList();
        var members = new java.util.ArrayList<Member>();
        members.add(new Member(conversation.practitionerId(), false));
        portal.forEach(account -> members.add(new Member((UUID) account, true)));
        return members;
    }
}
