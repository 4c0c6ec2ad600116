package care.messaging.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnreadCountTest {

    @Test
    void aConversationMarkedUnreadCountsAtLeastOne() {
        assertEquals(1, UnreadCount.shown(0, true));
        assertEquals(3, UnreadCount.shown(3, true), "the flag adds nothing to messages really unread");
        assertEquals(0, UnreadCount.shown(0, false));
        assertEquals(2, UnreadCount.shown(2, false));
    }

    @Test
    void theListAndTheSendsEventsCountWithTheOneDefinition() {
        var sql = UnreadCount.messages("c.id", "p.second_side", "p.account_id");
        assertTrue(sql.contains("m.deleted_at IS NULL"), "deleted messages are not unread");
        assertTrue(Inbox.COLUMNS.contains(UnreadCount.messages("c.id", "?2 OR c.colleague_id IS NOT DISTINCT FROM ?1", "?1")));
        assertTrue(Notifications.MEMBERS.contains(UnreadCount.messages("?1", "p.client_side", "p.account_id")));
        for (var query : new String[] {Inbox.COLUMNS, Notifications.MEMBERS}) {
            assertEquals(1, query.split("FROM message m", -1).length - 1, "no second copy of the count: " + query);
        }
    }
}
