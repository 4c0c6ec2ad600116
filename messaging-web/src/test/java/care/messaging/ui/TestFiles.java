package care.messaging.ui;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/** Files the browser tests attach: real ones (a PDF a viewer opens, a PNG a browser draws), made at run time. */
final class TestFiles {

    static final int PNG_WIDTH = 320;
    static final int PNG_HEIGHT = 200;

    private TestFiles() {
    }

    /** Eight random letters (a test's own word; letters only, see docs/traps.md). */
    static String word() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (var i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** A one-page PDF whose text is the word (so two tests' files differ), some KB long. */
    static byte[] pdf(String word) {
        var stream = "BT /F1 24 Tf 72 720 Td (Worksheet " + word + ") Tj ET\n" + "% filler\n".repeat(400);
        var objects = new String[] {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new int[objects.length];
        for (var i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        var xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (var offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A picture of some coloured bands, PNG_WIDTH × PNG_HEIGHT. */
    static byte[] png() {
        var image = new BufferedImage(PNG_WIDTH, PNG_HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        var colours = new Color[] {new Color(0x1d5fa8), new Color(0xe6f0fa), new Color(0x17663a), new Color(0xf0a500)};
        for (var i = 0; i < colours.length; i++) {
            g.setColor(colours[i]);
            g.fillRect(0, i * PNG_HEIGHT / colours.length, PNG_WIDTH, PNG_HEIGHT / colours.length);
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
