package care.messaging.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.messaging.platform.entity.DomainException;
import org.junit.jupiter.api.Test;

class PortalTextsTest {

    @Test
    void aPlainNoticeAndAPhoneNumberAreKeptAsWrittenTrimmed() {
        var texts = PortalTexts.parse("  Replies within one working day. In an emergency call 911.  ", " (555) 010-0100 ext. 12 ");
        assertEquals("Replies within one working day. In an emergency call 911.", texts.notice());
        assertEquals("(555) 010-0100 ext. 12", texts.phone());
        assertEquals("+44 20 7946 0000", PortalTexts.parse(null, "+44 20 7946 0000").phone());
        assertEquals("988", PortalTexts.parse(null, "988").phone());
        assertEquals("Nous répondons sous 24 h 🙂 <3", PortalTexts.parse("Nous répondons sous 24 h 🙂 <3", null).notice());
        var longest = "a".repeat(PortalTexts.NOTICE_MAX_LENGTH - 1) + "🙂";
        assertEquals(longest, PortalTexts.parse(longest, null).notice(), "the limit counts characters, not UTF-16 units");
    }

    @Test
    void blankAsksForTheDefaultNoticeAndNoPhone() {
        var texts = PortalTexts.parse("   ", "");
        assertNull(texts.notice());
        assertNull(texts.phone());
        assertNull(PortalTexts.parse(null, null).notice());
    }

    @Test
    void bidiControlsAreRemovedAsFromAllShownText() {
        assertEquals("See txt.exe", PortalTexts.parse("See \u202Etxt.exe\u202C", null).notice());
        assertEquals("555 0100", PortalTexts.parse(null, "555\u2066 0100\u2069").phone());
    }

    @Test
    void markupControlCharactersAndOverlongNoticesAreRefused() {
        for (var bad : new String[]{"<b>Call 911</b>", "Hello <script>alert(1)</script>", "<!-- hidden -->", "Line one\nline two",
                "Tab\there", "Para\u2029graph", "a".repeat(PortalTexts.NOTICE_MAX_LENGTH + 1)}) {
            var e = assertThrows(DomainException.class, () -> PortalTexts.parse(bad, null), bad);
            assertEquals("invalid-notice", e.type());
        }
    }

    @Test
    void anythingButAPhoneNumberIsRefused() {
        for (var bad : new String[]{"12", "call me", "555-0100; DROP", "<a href=x>555</a>", "555\n0100", "٥٥٥٠١٠٠",
                "+", "---", "1".repeat(PortalTexts.PHONE_MAX_LENGTH + 1), "555 0100 ext. 1234567", "tel:5550100"}) {
            var e = assertThrows(DomainException.class, () -> PortalTexts.parse(null, bad), bad);
            assertEquals("invalid-phone", e.type());
        }
    }
}
