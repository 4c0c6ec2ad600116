package care.messaging.attachment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Tika's detector with the default allowlist, on files made here byte by byte (a file's start is what decides). */
class ContentTypesTest {

    private final ContentTypes types = new ContentTypes(ContentTypes.DEFAULT_ALLOWED);

    @Test
    void everyDefaultTypeIsRecognisedFromItsBytesAndTaken() throws IOException {
        assertTaken("application/pdf", ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"));
        assertTaken("image/png", bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'));
        assertTaken("image/jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0));
        assertTaken("image/gif", ascii("GIF89a\1\0\1\0"));
        assertTaken("image/webp", ascii("RIFF\0\0\0\0WEBPVP8 "));
        assertTaken("image/heic", bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'));
        assertTaken("text/plain", "Dear team,\nplease find my notes. Ça va ?\n".getBytes(StandardCharsets.UTF_8));
        assertTaken(ContentTypes.DOCX, ooxml("wordprocessingml.document", "word/document.xml"));
        assertTaken(ContentTypes.XLSX, ooxml("spreadsheetml.sheet", "xl/workbook.xml"));
        assertTaken("application/vnd.oasis.opendocument.text", zip(true, "mimetype", "application/vnd.oasis.opendocument.text",
                "content.xml", "<office:document-content/>"));
    }

    @Test
    void theTypesOfferedToTheAppsAreTheAllowlistWithoutTheNeverTakenOnes() {
        var offered = new ContentTypes(" application/pdf, TEXT/HTML,image/svg+xml ,image/png,").allowed();
        assertEquals(java.util.List.of("application/pdf", "image/png"), offered);
        assertEquals(java.util.Set.of(ContentTypes.DEFAULT_ALLOWED.split(",")), java.util.Set.copyOf(types.allowed()), "the default allowlist, all of it");
    }

    @Test
    void theNameOrADeclaredTypeDoNotCountOnlyTheBytes() {
        // a PDF is a PDF whatever it is called: nothing but the bytes reaches the detector
        var html = ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
        assertEquals("text/html", types.of(html, html.length).mediaType());
    }

    @Test
    void executablesScriptsHtmlAndSvgAreRefused() {
        assertRefused("application/x-msdownload", ascii("MZ\u0090\0\3\0\0\0\4\0\0\0"));
        assertRefused("application/x-elf", bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0));
        assertRefused("application/x-sh", ascii("#!/bin/sh\nrm -rf /\n"));
        assertRefused("application/x-bat", ascii("@echo off\r\ndel x\r\n"));
        assertRefused("text/html", ascii("<html><script>x</script></html>"));
        assertRefused("image/svg+xml", ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>"));
    }

    @Test
    void theNeverListHoldsEvenWhenItAllowsThem() {
        var careless = new ContentTypes("text/plain,text/html,image/svg+xml,application/x-sh");
        var html = ascii("<html><body>x</body></html>");
        assertFalse(careless.of(html, html.length).allowed());
        var script = ascii("#!/bin/sh\necho\n");
        assertFalse(careless.of(script, script.length).allowed(), "a shell script is not text/plain, though Tika files it beneath");
    }

    @Test
    void otherZipsAndMacroEnabledOfficeFilesAreRefused() throws IOException {
        assertRefused("application/zip", zip(false, "a.txt", "hello"));
        assertRefused("application/zip", zip(false, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
        var docm = zip(false, "[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" "
                + "ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>", "word/vbaProject.bin", "x");
        assertFalse(types.of(docm, docm.length).allowed());
    }

    @Test
    void unknownBinaryAndEmptyFilesAreRefused() {
        assertRefused("application/octet-stream", bytes(1, 2, 3, 4, 5, 0, 200, 7));
        assertRefused("application/octet-stream", new byte[0]);
    }

    @Test
    void anAllowlistWithoutAnOfficeTypeRefusesIt() throws IOException {
        var noWord = new ContentTypes("application/pdf, text/plain");
        var docx = ooxml("wordprocessingml.document", "word/document.xml");
        assertFalse(noWord.of(docx, docx.length).allowed());
        var pdf = ascii("%PDF-1.4\n");
        assertTrue(noWord.of(pdf, pdf.length).allowed());
    }

    private void assertTaken(String type, byte[] file) {
        var detected = types.of(file, file.length);
        assertEquals(type, detected.mediaType());
        assertTrue(detected.allowed(), type);
    }

    private void assertRefused(String type, byte[] file) {
        var detected = types.of(file, file.length);
        assertEquals(type, detected.mediaType());
        assertFalse(detected.allowed(), type);
    }

    static byte[] ooxml(String kind, String part) throws IOException {
        var contentTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/" + part + "\" ContentType=\"application/vnd.openxmlformats-officedocument." + kind + ".main+xml\"/></Types>";
        return zip(false, "[Content_Types].xml", contentTypes, "_rels/.rels", "<Relationships/>", part, "<x/>");
    }

    /** A ZIP of name/content pairs; {@code storedFirst}: the first entry uncompressed, as ODF requires of "mimetype". */
    static byte[] zip(boolean storedFirst, String... namesAndContents) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var i = 0; i < namesAndContents.length; i += 2) {
                var entry = new ZipEntry(namesAndContents[i]);
                var content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                if (i == 0 && storedFirst) {
                    var crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        var out = new byte[values.length];
        for (var i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
