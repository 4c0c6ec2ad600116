package care.messaging.conversation.control;

import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.delivery.control.EventLog;
import care.messaging.delivery.entity.PendingEvent;
import care.messaging.delivery.entity.Event;
import care.messaging.directory.entity.Account;
import care.messaging.platform.control.JsonObjects;
import care.messaging.platform.control.Rows;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events a conversation's changes produce, for everyone who takes part in it: its practitioner and
 * every portal account acting for its client, or its two practitioners (a colleague conversation). Appended in the use case's transaction, after its writes.
 */
@Dependent
public class Notifications {

    /**
     * A participant, the side they are on, how many of the other side's messages they have not read, and
     * their own state of the conversation (archived, marked unread).
     */
    record Member(UUID account, boolean clientSide, long unread, boolean archived, boolean markedUnread) {
    }

    // Everyone taking part, with their unread counts and state, in one round trip (it runs on every send).
    static final String MEMBERS = """
            SELECT p.account_id, p.client_side,
                   """ + UnreadCount.messages("?1", "p.client_side", "p.account_id") + """
,
                   s.archived_at IS NOT NULL, coalesce(s.marked_unread, false)
              FROM (SELECT CAST(?2 AS uuid) AS account_id, false AS client_side
                    UNION ALL
                    SELECT account_id, true FROM client_account
                     WHERE client_id = (SELECT client_id FROM conversation WHERE id = ?1)
                    UNION ALL
                    SELECT colleague_id, true FROM conversation WHERE id = ?1 AND colleague_id IS NOT NULL) p
              LEFT JOIN conversation_state s ON s.conversation_id = ?1 AND s.account_id = p.account_id
             ORDER BY p.account_id""";

    @PersistenceContext
    EntityManager em;
    @Inject
    EventLog events;

    public void messageCreated(Conversation conversation, Message message) {
        var batch = events.batch();
        var created = new PendingEvent(Event.MESSAGE_CREATED, conversation.id(), message.id(), message.seq(),
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
        var receipt = new PendingEvent(Event.MESSAGE_READ, conversation.id(), null, seq,
                JsonObjects.builder().add("readerId", reader.id().toString()).add("readAt", at.toString()).build());
        var readerSide = conversation.secondSide(reader.id(), reader.role().isClientSide());
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

    /** The sender deleted a message: everyone refetches it (now without a body); counts and preview may change. */
    public void messageDeleted(Conversation conversation, Message message) {
        var batch = events.batch();
        var deleted = new PendingEvent(Event.MESSAGE_DELETED, conversation.id(), message.id(), message.seq(),
                JsonObjects.builder().add("senderId", message.senderId().toString()).build());
        for (var member : members(conversation)) {
            batch.add(member.account(), deleted);
            batch.add(member.account(), changed(conversation, member));
        }
        batch.append();
    }

    /** One account's own state of the conversation changed (archived, marked unread): its other devices follow. */
    public void stateChanged(Conversation conversation, Account account) {
        var batch = events.batch();
        members(conversation).stream().filter(m -> m.account().equals(account.id()))
                .forEach(m -> batch.add(m.account(), changed(conversation, m)));
        batch.append();
    }

    /** One account's draft was saved; only its own devices hear of it, and never its text. */
    public void draftSaved(Conversation conversation, Account account, OffsetDateTime updatedAt) {
        draftChanged(conversation, account, JsonObjects.builder().add("hasDraft", true).add("updatedAt", updatedAt.toString()));
    }

    /** One account's draft is gone (discarded, emptied, or sent by the send that cleared it). */
    public void draftCleared(Conversation conversation, Account account) {
        draftChanged(conversation, account, JsonObjects.builder().add("hasDraft", false).addNull("updatedAt"));
    }

    void draftChanged(Conversation conversation, Account account, JsonObjectBuilder facts) {
        events.batch().add(account.id(), new PendingEvent(Event.DRAFT_CHANGED, conversation.id(), null, null, facts.build())).append();
    }

    static PendingEvent changed(Conversation conversation, Member member) {
        return new PendingEvent(Event.CONVERSATION_CHANGED, conversation.id(), null, conversation.lastSeq(),
                JsonObjects.builder()
                        .add("unreadCount", UnreadCount.shown(member.unread(), member.markedUnread()))
                        .add("markedUnread", member.markedUnread())
                        .add("archived", member.archived())
                        .build());
    }

    List<Member> members(Conversation conversation) {
        List<?> rows = em.createNativeQuery(MEMBERS)
                .setParameter(1, conversation.id())
                .setParameter(2, conversation.practitionerId().toString())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Member((UUID) r[0], (Boolean) r[1], Rows.number(r[2]), Boolean.TRUE.equals(r[3]),
                        Boolean.TRUE.equals(r[4])))
                .toList();
    }
}
