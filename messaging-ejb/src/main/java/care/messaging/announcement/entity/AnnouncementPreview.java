package care.messaging.announcement.entity;

import java.util.Map;

/**
 * Who an announcement sent now would reach: of {@code total} clients in the audience, {@code receive} get a copy
 * (blocked clients too), and {@code skipped} counts the others by reason ({@code messaging-disabled},
 * {@code client-discharged}, {@code messaging-off}; each present, 0 when none). Counts only, no names.
 */
public record AnnouncementPreview(int total, int receive, Map<String, Integer> skipped) {
}
