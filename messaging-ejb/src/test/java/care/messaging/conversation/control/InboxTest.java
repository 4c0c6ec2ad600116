package care.messaging.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InboxTest {

    @Test
    void aConversationMarkedUnreadCountsAtLeastOne() {
        assertEquals(1, Inbox.unreadCount(0, true));
        assertEquals(3, Inbox.unreadCount(3, true), "the flag adds nothing to messages really unread");
        assertEquals(0, Inbox.unreadCount(0, false));
        assertEquals(2, Inbox.unreadCount(2, false));
    }
}
