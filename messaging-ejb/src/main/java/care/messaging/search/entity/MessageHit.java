package care.messaging.search.entity;

import care.messaging.conversation.entity.AttachedFile;
import care.messaging.conversation.entity.MessageView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A message that holds every word of a search: where it is, who sent it, and a plain-text snippet around
 * the first match. {@code highlights} are the matched words' spans in the snippet, [start, end) in UTF-16
 * code units (JavaScript string indices), so a client can mark them without parsing HTML. The names of the
 * message's files are searched too (after its text: a snippet may show one); {@code attachments} lists them.
 */
public record MessageHit(UUID conversationId, UUID messageId, long seq, MessageView.Sender sender, OffsetDateTime sentAt,
                         String snippet, List<Highlight> highlights, List<AttachedFile> attachments) {

    public record Highlight(int start, int end) {
    }
}
