package care.messaging.conversation.entity;

import java.util.List;

/** A page of results; nextCursor is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
