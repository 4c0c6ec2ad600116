package care.messaging.conversation.entity;

import java.util.UUID;

/**
 * A file sent with a message, as its readers see it: the id to download it by ({@code GET /attachments/{id}}),
 * the sanitised display name, the type decided from its content, its length in bytes.
 */
public record AttachedFile(UUID id, String name, String type, long size) {
}
