package care.messaging.audit.entity;

import java.util.Locale;

public enum Outcome {
    SUCCESS,
    /** A retried request answered with what an earlier one created (an idempotent send). */
    REPLAYED,
    DENIED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
