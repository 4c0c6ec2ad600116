package care.messaging.attachment.control;

import care.messaging.attachment.entity.Attachment;
import care.messaging.crypto.control.FileCipher;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A file's bytes, encrypted on their way into the {@link AttachmentStore} and decrypted on their way out,
 * a buffer at a time. The associated data names the attachment row, so bytes copied under another row,
 * cut short or altered do not decrypt. Writing persists the row first (its chunks refer to it) and runs in
 * the caller's transaction: a file over the limit, or a failure half-way, rolls back with the row, leaving
 * no bytes and no row.
 */
@ApplicationScoped
public class AttachmentFiles {

    static final int BUFFER = 64 * 1024;

    @Inject
    AttachmentStore store;
    @Inject
    FileCipher cipher;
    @PersistenceContext
    EntityManager em;

    /** The bytes of one file bind to this row and nothing else. */
    static byte[] associatedData(Attachment attachment) {
        return ("care-messaging/v1/attachment/bytes/" + attachment.id()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Persists the attachment and stores {@code head} then the rest of {@code content} as its bytes, handing
     * every buffer to {@code scan} too; at most {@code maxBytes} in all, checked as they arrive. Answers the
     * file's length.
     */
    public long write(Attachment attachment, byte[] head, InputStream content, long maxBytes, MalwareScanner.Scan scan) {
        try {
            var encrypting = cipher.encrypt(store.writer(attachment.id()), associatedData(attachment));
            attachment.encryptedWith(encrypting.keyId());
            em.persist(attachment);
            em.flush();
            long size = 0;
            try (var out = encrypting.plaintext()) {
                size = pass(head, head.length, size, maxBytes, out, scan);
                var buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    size = pass(buffer, n, size, maxBytes, out, scan);
                }
            }
            attachment.stored(size);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("the file could not be read or stored", e);
        }
    }

    private static long pass(byte[] bytes, int length, long size, long maxBytes, java.io.OutputStream out, MalwareScanner.Scan scan)
            throws IOException {
        if (size + length > maxBytes) {
            throw new DomainException(ProblemType.ATTACHMENT_TOO_LARGE, "The file is larger than " + maxBytes + " bytes");
        }
        out.write(bytes, 0, length);
        if (scan != null) {
            scan.feed(bytes, 0, length);
        }
        return size + length;
    }

    /** The file's plaintext, read chunk by chunk as it is consumed; a read throws IOException on bytes that do not authenticate. */
    public InputStream read(Attachment attachment) throws IOException {
        return cipher.decrypt(store.reader(attachment.id()), attachment.keyId(), associatedData(attachment));
    }
}
