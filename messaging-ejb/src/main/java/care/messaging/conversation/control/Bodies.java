package care.messaging.conversation.control;

import care.messaging.platform.control.SecurityLog;
import care.messaging.conversation.entity.Author;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.Message;
import care.messaging.conversation.entity.SanitizedHtml;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.UnreadableCiphertext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Message bodies and conversation previews go to the database only as ciphertext, and come back through
 * here. A value that does not open (tampered, or moved from another row) shows as unavailable: one
 * message, never the whole conversation or list, and it is logged as a security event.
 */
@Dependent
public class Bodies {

    private static final System.Logger LOGGER = System.getLogger(Bodies.class.getName());

    @Inject
    RowCipher cipher;

    /** Appends a message to the (locked) conversation, sealing its body and the conversation's new preview. */
    public Message post(Conversation conversation, Author author, UUID clientMessageId, SanitizedHtml body, OffsetDateTime at) {
        var message = conversation.post(author, clientMessageId, at);
        message.seal(cipher.seal(EncryptedColumn.MESSAGE_BODY, message.id(), body.html()));
        conversation.sealPreview(cipher.seal(EncryptedColumn.CONVERSATION_PREVIEW, conversation.id(), body.preview()));
        return message;
    }

    public Optional<String> body(UUID messageId, byte[] ciphertext) {
        return open(EncryptedColumn.MESSAGE_BODY, messageId, ciphertext);
    }

    public Optional<String> preview(UUID conversationId, byte[] ciphertext) {
        return open(EncryptedColumn.CONVERSATION_PREVIEW, conversationId, ciphertext);
    }

    private Optional<String> open(EncryptedColumn column, UUID rowId, byte[] ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.open(column, rowId, ciphertext));
        } catch (UnreadableCiphertext e) {
            SecurityLog.LOGGER.log(System.Logger.Level.WARNING, "SECURITY: {0} of row {1} failed authentication (key {2}); shown as unavailable",
                    column.label(), rowId, e.keyId());
            return Optional.empty();
        }
    }
}
