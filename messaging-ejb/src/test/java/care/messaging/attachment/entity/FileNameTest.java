package care.messaging.attachment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNameTest {

    @Test
    void anOrdinaryNameIsKeptAsWritten() {
        assertEquals("Intake form (signed) – März.pdf", FileName.of("Intake form (signed) – März.pdf").value());
    }

    @Test
    void onlyTheLastPathPartIsKept() {
        assertEquals("passwd", FileName.of("../../etc/passwd").value());
        assertEquals("report.docx", FileName.of("C:\\Users\\sam\\Desktop\\report.docx").value());
        assertEquals("scan.png", FileName.of("photos/scan.png/").value());
        assertEquals(FileName.FALLBACK, FileName.of("../..").value());
    }

    @Test
    void controlFormatAndBidiCharactersAreRemoved() {
        // U+202E makes "invoice‮fdp.exe" read as "invoiceexe.pdf"
        assertEquals("invoicefdp.exe", FileName.of("invoice\u202Efdp.exe").value());
        assertEquals("ab.txt", FileName.of("a\u0000\u0007\u200B\u200E\u2066b.txt").value());
        assertEquals("a b.txt", FileName.of("a\r\n\tb.txt").value());
        assertEquals("x.txt", FileName.of("x\uD800.txt").value(), "a lone surrogate is dropped");
    }

    @Test
    void charactersWindowsRefusesBecomeUnderscoresAndEdgeDotsGo() {
        assertEquals("what_ why_.txt", FileName.of("what? why*.txt").value());
        assertEquals("a_b_c_d.pdf", FileName.of("a<b>c|d.pdf").value());
        assertEquals("bashrc", FileName.of(".bashrc").value());
        assertEquals("notes.txt", FileName.of("  notes.txt. . ").value());
    }

    @Test
    void reservedDeviceNamesAreDefused() {
        assertEquals("_CON", FileName.of("CON").value());
        assertEquals("_nul.txt", FileName.of("nul.txt").value());
        assertEquals("_com1.tar.gz", FileName.of("com1.tar.gz").value());
        assertEquals("_LPT9 .pdf", FileName.of("LPT9 .pdf").value());
        assertEquals("console.txt", FileName.of("console.txt").value());
    }

    @Test
    void aLongNameIsCutKeepingItsExtensionAndWholeCharacters() {
        var name = FileName.of("ü".repeat(300) + ".pdf");
        assertTrue(name.value().getBytes(StandardCharsets.UTF_8).length <= FileName.MAX_BYTES, name.value());
        assertTrue(name.value().endsWith("ü.pdf"), name.value());
        var emoji = FileName.of("😀".repeat(100));
        assertTrue(emoji.value().getBytes(StandardCharsets.UTF_8).length <= FileName.MAX_BYTES);
        assertEquals(0, emoji.value().length() % 2, "no emoji cut in half");
    }

    @Test
    void nothingLeftIsTheFallback() {
        assertEquals(FileName.FALLBACK, FileName.of(null).value());
        assertEquals(FileName.FALLBACK, FileName.of("").value());
        assertEquals(FileName.FALLBACK, FileName.of(" . \u202E ").value());
    }

    @Test
    void theExtensionIsForDisplay() {
        assertEquals("pdf", FileName.of("Form.PDF").extension());
        assertEquals("", FileName.of("README").extension());
    }
}
