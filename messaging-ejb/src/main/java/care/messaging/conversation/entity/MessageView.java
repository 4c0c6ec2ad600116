package care.messaging.conversation.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A message as its readers see it; readAt is when the other side first read it (the read receipt), null
 * until then. A body whose ciphertext does not open is {@code unavailable} with a null html. A message its
 * sender deleted is {@code deleted} with a null html (apps show "Message deleted"); it keeps its place.
 * {@code announcement}: the practitioner sent it to several clients at once (apps label it).
 * {@code fromPractice}: an announcement an admin sent on behalf of the practice; {@code sender.displayName} is the
 * practice's name and {@code sender.id} the admin who wrote it (apps show the practice as its sender).
 * {@code automaticReply}: the practitioner's out-of-office reply, sent for them (apps label it "Automatic reply").
 * {@code attachments}: the files sent with it, in upload order (empty when none, and for a deleted message,
 * whose files were deleted with it); its html may be empty when it has files.
 */
@JsonbNillable
public record MessageView(UUID id, long seq, UUID clientMessageId, Sender sender, OffsetDateTime sentAt,
                          String html, boolean unavailable, OffsetDateTime readAt, boolean deleted,
                          boolean announcement, boolean fromPractice, boolean automaticReply, List<AttachedFile> attachments) {

    public record Sender(UUID id, String displayName) {
    }

    public static MessageView unread(Message m, String html, List<AttachedFile> attachments) {
        return new MessageView(m.id(), m.seq(), m.clientMessageId(), new Sender(m.senderId(), m.senderName()),
                m.sentAt(), html, false, null, false, m.isAnnouncement(), m.isForPractice(),
                m.isAutomaticReply(), List.copyOf(attachments));
    }
}
