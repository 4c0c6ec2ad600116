package care.messaging.delivery.entity;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of an account's stream: what changed, as ids and small facts (counts, seqs), never text.
 * Types: {@code message.created}, {@code message.read} (a receipt), {@code conversation.changed},
 * {@code presence} (an account of the conversation came online or went offline), {@code practice.changed}
 * (the practice's messaging switch moved; no conversation id), {@code message.deleted}
 * (its sender deleted it: fetch the messages again), {@code draft.changed} (the account's own draft of a
 * conversation was saved or cleared on another device: {@code facts.hasDraft}, {@code facts.updatedAt}),
 * {@code out-of-office.changed} (a practitioner's out-of-office periods changed, or one turned on or off:
 * {@code facts.practitionerId}, {@code facts.away}; read the notice or the list again),
 * {@code announcement.progress} (to its sender, after each batch of an announcement's delivery and when it starts,
 * ends or is cancelled: {@code facts.announcementId}, {@code facts.state}, {@code facts.total},
 * {@code facts.delivered}, {@code facts.skipped}).
 */
@JsonbNillable
public record Event(long cursor, String type, UUID conversationId, UUID messageId, Long seq, JsonObject facts,
                    OffsetDateTime at) {

    public static final String MESSAGE_CREATED = "message.created";
    public static final String MESSAGE_READ = "message.read";
    public static final String CONVERSATION_CHANGED = "conversation.changed";
    public static final String PRESENCE = "presence";
    public static final String PRACTICE_CHANGED = "practice.changed";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String DRAFT_CHANGED = "draft.changed";
    public static final String OUT_OF_OFFICE_CHANGED = "out-of-office.changed";
    public static final String ANNOUNCEMENT_PROGRESS = "announcement.progress";
}
