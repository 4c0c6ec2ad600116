package care.messaging.attachment.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.attachment.entity.Attachment;
import care.messaging.attachment.entity.AttachmentState;
import care.messaging.attachment.entity.FileName;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.testing.AttachmentRows;
import care.messaging.testing.Clamd;
import care.messaging.testing.SamplePeople;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files' bytes stored in PostgreSQL inside Payara Micro: encrypted by the key ring's streaming AEAD, in
 * chunks, bound to their row, and only whole or not at all. Every test seeds its own practice.
 */
@ExtendWith(ArquillianExtension.class)
public class AttachmentFilesIT {

    private static final String MARKER = "Sam Lee's intake notes, page ";

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"))
                .addClasses(AttachmentFilesIT.class, SamplePeople.class, AttachmentRows.class, Clamd.class);
    }

    @Inject
    AttachmentFiles files;
    @Inject
    ContentTypes types;
    @Inject
    RowCipher cipher;
    @Inject
    MalwareScanner scanner;
    @Inject
    AttachmentRows rows;
    @Inject
    SamplePeople people;
    @Inject
    UserTransaction transaction;

    @Test
    void aFileOfSeveralChunksComesBackByteForByteAndNoChunkHoldsItsText() throws Exception {
        var content = textFile(3 * DatabaseChunks.CHUNK + 12345);
        var stored = upload(content, Long.MAX_VALUE);

        var found = rows.find(stored.id());
        assertEquals(AttachmentState.scanning, found.state(), "stored, not yet scanned");
        assertEquals(content.length, found.size());
        assertEquals("text/plain", found.mediaType());
        assertEquals("intake.txt", cipher.open(EncryptedColumn.ATTACHMENT_NAME, found.id(), found.displayName()));
        var chunks = rows.chunks(stored.id());
        assertTrue(chunks.size() >= 4, "in chunks: " + chunks.size());
        for (var chunk : chunks) {
            assertFalse(new String(chunk, StandardCharsets.ISO_8859_1).contains("intake notes"), "a chunk holds plaintext");
        }
        try (var in = files.read(found)) {
            assertArrayEquals(sha256(new ByteArrayInputStream(content)), sha256(in));
        }
    }

    @Test
    void bytesMovedUnderAnotherRowDoNotDecrypt() throws Exception {
        var first = upload(textFile(2000), Long.MAX_VALUE);
        var second = upload(textFile(3000), Long.MAX_VALUE);
        rows.copyChunks(first.id(), second.id());
        assertThrows(IOException.class, () -> readAll(rows.find(second.id())));
    }

    @Test
    void aFileCutShortOrAlteredDoesNotDecrypt() throws Exception {
        var cut = upload(textFile(DatabaseChunks.CHUNK + 5000), Long.MAX_VALUE);
        rows.dropLastChunk(cut.id());
        assertThrows(IOException.class, () -> readAll(rows.find(cut.id())));

        var altered = upload(textFile(5000), Long.MAX_VALUE);
        rows.flipAByte(altered.id());
        assertThrows(IOException.class, () -> readAll(rows.find(altered.id())));
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItArrivesAndLeavesNothing() throws Exception {
        var limit = DatabaseChunks.CHUNK + 100L;
        var refused = assertThrows(DomainException.class, () -> upload(textFile(3 * DatabaseChunks.CHUNK), limit));
        assertEquals(ProblemType.ATTACHMENT_TOO_LARGE, refused.problem());
        assertEquals(0, rows.rows(lastTried.id()), "no row and no chunk of it");

        var exactly = upload(textFile((int) limit), limit);
        assertEquals(limit, rows.find(exactly.id()).size());
    }

    @Test
    void theScanSeesTheBytesAsTheyAreStoredAndItsVerdictDecidesWhetherTheFileMayBeDownloaded() throws Exception {
        var clean = upload(textFile(2 * DatabaseChunks.CHUNK), Long.MAX_VALUE, "clean.txt");
        assertEquals(AttachmentState.clean, rows.find(clean.id()).state());
        assertTrue(rows.find(clean.id()).downloadable());

        var eicar = new ByteArrayOutputStream();
        eicar.write(textFile(100_000));
        eicar.write(Clamd.eicar());
        var infected = upload(eicar.toByteArray(), Long.MAX_VALUE, "infected.txt");
        assertEquals(AttachmentState.infected, rows.find(infected.id()).state());
        assertFalse(rows.find(infected.id()).downloadable());
    }

    @Test
    void aFileStoredWhileTheScannerIsDownStaysScanningAndCannotBeDownloaded() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var down = new MalwareScanner("127.0.0.1", closedPort, java.time.Duration.ofSeconds(5));
        var held = upload(Clamd.eicar(), Long.MAX_VALUE, "held.txt", down);
        assertEquals(AttachmentState.scanning, rows.find(held.id()).state(), "held, not clean");
        assertFalse(rows.find(held.id()).downloadable());
    }

    private Attachment lastTried;

    /** What an upload will do: read the head, type it, seal the name, store it all, in one transaction. */
    private Attachment upload(byte[] content, long limit) throws Exception {
        return upload(content, limit, null);
    }

    /** As above; given a name, scanned too by the suite's clamd (Micro is pointed at it by arquillian.xml). */
    private Attachment upload(byte[] content, long limit, String scannedAs) throws Exception {
        return upload(content, limit, scannedAs, scanner);
    }

    private Attachment upload(byte[] content, long limit, String scannedAs, MalwareScanner scanner) throws Exception {
        var attachment = rows.newAttachment(people.clinic().rivera());
        lastTried = attachment;
        var in = new ByteArrayInputStream(content);
        var head = in.readNBytes(ContentTypes.HEAD);
        transaction.begin();
        try {
            attachment.typed(types.of(head, head.length));
            var name = FileName.of(scannedAs == null ? "../intake.txt" : scannedAs).value();
            attachment.sealName(cipher.seal(EncryptedColumn.ATTACHMENT_NAME, attachment.id(), name));
            if (scannedAs == null) {
                files.write(attachment, head, in, limit, null);
            } else {
                try (var scan = scanner.open()) {
                    files.write(attachment, head, in, limit, scan);
                    attachment.scanned(scan.verdict());
                }
            }
            transaction.commit();
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
        return attachment;
    }

    private void readAll(Attachment attachment) throws IOException {
        try (var in = files.read(attachment)) {
            in.transferTo(new ByteArrayOutputStream());
        }
    }

    private static byte[] textFile(int length) {
        var random = new Random(length);
        var out = new StringBuilder(length + 100);
        for (var page = 1; out.length() < length; page++) {
            out.append(MARKER).append(page).append(": ").append(random.nextLong()).append('\n');
        }
        return out.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(InputStream in) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        var buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }
}
