package care.messaging.conversation.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.util.Locale;

/** Where a conversation is listed for one participant: their inbox, or their archive. */
public enum Folder {
    INBOX, ARCHIVE;

    /** Absent means the inbox; anything but {@code inbox} or {@code archive} is refused. */
    public static Folder parse(String value) {
        if (value == null || value.isEmpty()) {
            return INBOX;
        }
        return switch (value) {
            case "inbox" -> INBOX;
            case "archive" -> ARCHIVE;
            default -> throw new DomainException(ProblemType.INVALID_FOLDER, "folder must be inbox or archive");
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
