package care.messaging.attachment.entity;

/**
 * What a file is, decided from its first bytes (never from its name or the type the sender declared), and
 * whether this deployment takes it.
 */
public record DetectedType(String mediaType, boolean allowed) {
}
