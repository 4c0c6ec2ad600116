package care.messaging.crypto.entity;

/** The keystore is missing, unreadable or incomplete; the message says which, in one line, for IT. */
public class KeysUnusable extends RuntimeException {

    public KeysUnusable(String message) {
        super(message);
    }

    public KeysUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
