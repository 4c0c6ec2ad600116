package care.messaging.attachment.control;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Where a file's encrypted bytes live, as a stream each way, so that neither side ever holds a whole file.
 * It sees only ciphertext (encryption is {@code AttachmentFiles}'s, above it). The one implementation today is
 * PostgreSQL ({@link DatabaseChunks}); the interface is the seam for S3-compatible object storage, which
 * a hospital may plug in later, and which is why the store never joins the attachment row itself.
 */
public interface AttachmentStore {

    /** A stream that stores what is written as the file's bytes; they are complete once it is closed. */
    OutputStream writer(UUID attachmentId);

    /** The file's bytes, read as they are consumed. */
    InputStream reader(UUID attachmentId);

    /** Removes the file's bytes (all of them, or nothing, with the caller's transaction). */
    void delete(UUID attachmentId);
}
