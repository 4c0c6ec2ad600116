package care.messaging.delivery.entity;

import java.util.List;

/**
 * Events after a cursor, in order, and the cursor to ask from next. {@code resync}: the cursor is older
 * than what is kept (or unknown); the reader reloads its state and continues from {@code cursor}.
 */
public record EventPage(List<Event> events, long cursor, boolean resync) {
}
