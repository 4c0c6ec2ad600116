package care.messaging.conversation.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message as its readers see it; readAt is when the other side first read it (the read receipt), null until then. */
@JsonbNillable
public record MessageView(UUID id, long seq, UUID clientMessageId, Sender sender, OffsetDateTime sentAt,
                          String html, OffsetDateTime readAt) {

    public record Sender(UUID id, String displayName) {
    }

    public static MessageView unread(Message m) {
        return new MessageView(m.id(), m.seq(), m.clientMessageId(), new Sender(m.senderId(), m.senderName()),
                m.sentAt(), m.html(), null);
    }
}
