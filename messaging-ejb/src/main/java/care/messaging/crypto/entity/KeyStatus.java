package care.messaging.crypto.entity;

import java.util.List;
import java.util.Map;

/** What IT sees of the keys: which is primary, and how many stored values each key still protects. */
public record KeyStatus(int primary, List<Key> keys, long rowsNotOnPrimary) {

    /** A key may be retired once no row uses it and it is not the primary. */
    public record Key(int id, boolean primary, Map<String, Long> rows, long total, boolean retirable) {
    }
}
