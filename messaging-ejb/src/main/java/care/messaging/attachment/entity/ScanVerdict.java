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
     * The scanner stopped at one of its limits (a file past its MaxFileSize or MaxScanSize, an archive nested
     * too deep) and said so, which clamd does only with {@code AlertExceedsMax yes}: the file was not scanned
     * whole, so it is not clean. {@code limit} is clamd's name for it (e.g. "MaxFileSize"); never file content.
     */
    record Unscannable(String limit) implements ScanVerdict {
    }

    /**
     * No verdict: the scanner could not be reached, timed out, or answered an error (e.g. the file is longer
     * than its StreamMaxLength). {@code reason} names which, for the log; it never holds file content.
     */
    record Unavailable(String reason) implements ScanVerdict {
    }
}
