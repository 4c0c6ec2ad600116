package care.messaging.attachment.entity;

import java.io.InputStream;

/**
 * A clean file handed out: what it is, and its plaintext, decrypted a buffer at a time as it is read (the
 * caller streams and closes it; reading needs no transaction). A read throws IOException on bytes that do
 * not authenticate.
 */
public record Download(AttachmentView file, InputStream content) {
}
