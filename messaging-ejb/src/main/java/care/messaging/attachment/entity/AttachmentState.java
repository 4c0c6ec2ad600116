package care.messaging.attachment.entity;

/**
 * Where a file is in its checks. Only {@code clean} may ever be downloaded: {@code scanning} is also what a
 * file stays while the scanner is unavailable (fail closed).
 */
public enum AttachmentState {
    uploaded, scanning, clean, infected
}
