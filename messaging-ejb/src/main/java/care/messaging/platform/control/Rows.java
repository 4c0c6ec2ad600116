package care.messaging.platform.control;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column values of native queries, which the driver hands back in its own types. */
public final class Rows {

    private Rows() {
    }

    public static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
