package care.messaging.attachment.entity;

/**
 * The malware scanner decided on an upload: {@code clean}, {@code infected} or {@code unavailable}. Only the
 * verdict's kind, never the file's name or the signature, so an observer (the node's metrics) can count verdicts.
 * Fired synchronously before the upload commits or is refused, so an infected file is counted although its
 * upload rolls back.
 */
public record FileScanned(String verdict) {

    public static FileScanned of(ScanVerdict verdict) {
        if (verdict instanceof ScanVerdict.Infected) {
            return new FileScanned("infected");
        }
        return new FileScanned(verdict instanceof ScanVerdict.Unavailable ? "unavailable" : "clean");
    }
}
