package care.messaging.conversation.control;

import care.messaging.platform.entity.Uuids;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.conversation.entity.MessageErased;
import care.messaging.platform.entity.DomainException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Deleting a message erases what it said everywhere it is kept: its body (ciphertext and key id), the
 * conversation's preview if it was the last message, its search entries, and its files (rows and bytes
 * deleted, not crypto-shredded: a file's key is the key ring's, shared with other rows). The row, its seq and its
 * receipts stay, so the order and "read" keep meaning the same; the audit trail keeps that it happened.
 */
@Dependent
public class Erasures {

    @PersistenceContext
    EntityManager em;
    @Inject
    Event<MessageErased> erased;
    @Inject
    MessageFiles files;

    /** The message of this conversation; another conversation's message, or a malformed id, does not exist here. */
    public Message find(Conversation conversation, String messageId) {
        var message = em.find(Message.class, Uuids.orNotFound(messageId));
        if (message == null || !message.belongsTo(conversation.id())) {
            throw DomainException.notFound();
        }
        return message;
    }

    /** Erases the message's text; the caller holds the conversation's lock, so no send moves the preview meanwhile. */
    public void erase(Conversation conversation, Message message, OffsetDateTime at) {
        message.erase(at);
        conversation.erasePreviewOf(message);
        files.erase(message.id());
        // Its search entries go in the same transaction (a synchronous observer, see MessageErased); the
        // backfill never indexes an erased message again.
        erased.fire(new MessageErased(message));
        em.flush();
    }
}
