package care.messaging.attachment.entity;

/**
 * What the malware scanner said of one file. {@link Unavailable} is not a kind of clean: a file with that
 * verdict has not been scanned.
 */
public sealed interface ScanVerdict {

    /** The scanner read the whole file and found nothing. */
    record Clean() implements ScanVerdict {
    }

    /** The scanner recognised malware; {@code signature} is its name for it (e.g. "Eicar-Test-Signature"). */
    record Infected(String signature) implements ScanVerdict {
    }

    /**
     * No verdict: the scanner could not be reached, timed out, or answered an error (e.g. the file is longer
     * than its StreamMaxLength). {@code reason} names which, for the log; it never holds file content.
     */
    record Unavailable(String reason) implements ScanVerdict {
    }
}
