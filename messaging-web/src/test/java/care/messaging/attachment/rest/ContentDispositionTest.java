package care.messaging.attachment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void theExtendedNameWinsOverThePlainOne() {
        assertEquals("Übersicht €.pdf",
                ContentDisposition.fileName("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%C3%9Cbersicht%20%E2%82%AC.pdf"));
        assertEquals("caf\u00e9.txt", ContentDisposition.fileName("attachment; filename*=iso-8859-1'en'caf%E9.txt"));
    }

    @Test
    void aPlainNameIsReadQuotedOrNot() {
        assertEquals("a \"quoted\" name.pdf", ContentDisposition.fileName("attachment; filename=\"a \\\"quoted\\\" name.pdf\""));
        assertEquals("plain.pdf", ContentDisposition.fileName("attachment;filename=plain.pdf"));
        assertNull(ContentDisposition.fileName("attachment"));
        assertNull(ContentDisposition.fileName(null));
    }

    @Test
    void anExtendedNameThatIsNotPercentEncodedUtf8IsRefused() {
        for (var bad : new String[] {"UTF-8''%FF.pdf", "UTF-8''%4", "UTF-8''%ZZ", "UTF-16''a", "no-quotes", "UTF-8''a b"}) {
            var refused = assertThrows(DomainException.class, () -> ContentDisposition.fileName("attachment; filename*=" + bad), bad);
            assertEquals(ProblemType.INVALID_FILE_NAME, refused.problem());
        }
    }

    @Test
    void aDownloadsHeaderCarriesTheExactNameAndAnAsciiFallbackThatCannotBreakOutOfItsQuotes() {
        var name = "Plan \"v2\" \\ für Sam – final.pdf";
        var header = ContentDisposition.attachment(name);
        assertTrue(header.startsWith("attachment; filename=\"Plan _v2_ _ f_r Sam _ final.pdf\"; filename*=UTF-8''"), header);
        assertEquals(name, ContentDisposition.fileName(header));
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), header);
    }

    @Test
    void anInlineImageCarriesTheSameNames() {
        var name = "Foto – Sam.png";
        var header = ContentDisposition.inline(name);
        assertTrue(header.startsWith("inline; filename=\"Foto _ Sam.png\"; filename*=UTF-8''"), header);
        assertEquals(name, ContentDisposition.fileName(header));
    }
}
