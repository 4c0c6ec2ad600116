package care.messaging.conversation.control;

/**
 * What "unread" means, written once for every query that counts it (the list, the events a send or a
 * read pushes, the events a settings change pushes), so the counts the apps show cannot drift apart:
 * messages written by the other side, not deleted, after the reader's read marker; and a conversation
 * the reader marked unread counts as at least one until they read it again.
 */
public final class UnreadCount {

    private UnreadCount() {
    }

    /**
     * The SQL subquery counting unread messages.
     *
     * @param conversation an SQL expression for the conversation's id
     * @param readerIsClientSide an SQL boolean: whether the reader writes on the client's side of it
     * @param reader an SQL expression for the reader's account id
     */
    public static String messages(String conversation, String readerIsClientSide, String reader) {
        return """
                (SELECT count(*) FROM message m
                  WHERE m.conversation_id = %1$s AND m.from_client <> (%2$s) AND m.deleted_at IS NULL
                    AND m.seq > coalesce((SELECT rm.seq FROM read_marker rm
                                           WHERE rm.conversation_id = %1$s AND rm.account_id = %3$s), 0))"""
                .formatted(conversation, readerIsClientSide, reader);
    }

    /** The count shown: a conversation marked unread counts as unread (at least one) until it is read again. */
    public static long shown(long unreadMessages, boolean markedUnread) {
        return markedUnread ? Math.max(1, unreadMessages) : unreadMessages;
    }
}
