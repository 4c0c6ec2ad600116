package care.messaging.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderTest {

    @Test
    void absentMeansTheInbox() {
        assertEquals(Folder.INBOX, Folder.parse(null));
        assertEquals(Folder.INBOX, Folder.parse(""));
        assertEquals(Folder.INBOX, Folder.parse("inbox"));
        assertEquals(Folder.ARCHIVE, Folder.parse("archive"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Archive", "ARCHIVE", "archived", "trash", " inbox"})
    void anythingElseIsRefused(String value) {
        var refused = assertThrows(DomainException.class, () -> Folder.parse(value));
        assertEquals("invalid-folder", refused.type());
        assertEquals(ProblemType.Kind.INVALID, refused.kind());
    }
}
