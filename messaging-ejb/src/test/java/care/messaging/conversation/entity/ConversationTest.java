package care.messaging.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.crypto.entity.Sealed;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-21T10:00:00Z");

    Conversation cut = new Conversation();
    Author rivera = new Author(UUID.randomUUID(), "Dr. Maria Rivera", false);
    Author jordan = new Author(UUID.randomUUID(), "Jordan Lee, guardian of Sam Lee", true);

    @Test
    void postHandsOutConsecutiveSeqsAndMovesActivity() {
        var first = cut.post(rivera, UUID.randomUUID(), T0);
        var second = cut.post(jordan, UUID.randomUUID(), T0.plusMinutes(1));
        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
        assertEquals(2, cut.lastSeq());
        assertEquals(T0.plusMinutes(1), cut.lastActivityAt());
    }

    @Test
    void messageKeepsTheAuthorsNameAndSideAsSent() {
        var message = cut.post(jordan, UUID.randomUUID(), T0);
        assertEquals("Jordan Lee, guardian of Sam Lee", message.senderName());
        assertEquals(jordan.accountId(), message.senderId());
        assertTrue(message.isFromClient());
        assertFalse(cut.post(rivera, UUID.randomUUID(), T0).isFromClient());
    }

    @Test
    void readMarkersAreClampedToTheLastMessage() {
        cut.post(rivera, UUID.randomUUID(), T0);
        assertEquals(1, cut.clampToLastSeq(99));
        assertEquals(1, cut.clampToLastSeq(1));
    }

    @Test
    void deletingTheLastMessageErasesThePreviewAndAnEarlierOneLeavesIt() {
        cut.sealPreview(new Sealed(new byte[]{1, 2, 3}, 1));
        var first = cut.post(rivera, UUID.randomUUID(), T0);
        var last = cut.post(jordan, UUID.randomUUID(), T0.plusMinutes(1));
        cut.erasePreviewOf(first);
        assertTrue(cut.hasPreview(), "the preview is the last message's, which is still there");
        cut.erasePreviewOf(last);
        assertFalse(cut.hasPreview());
    }
}
