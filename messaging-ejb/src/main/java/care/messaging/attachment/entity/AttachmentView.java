package care.messaging.attachment.entity;

import java.util.UUID;

/** A file as its uploader sees it: the display name (sanitised), the type from its content, its length, its state. */
public record AttachmentView(UUID id, String name, String type, long size, AttachmentState state) {
}
