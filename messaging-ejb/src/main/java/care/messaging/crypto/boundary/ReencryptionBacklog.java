package care.messaging.crypto.boundary;

import care.messaging.crypto.control.KeyRing;
import care.messaging.crypto.control.KeyUsage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * How many stored values re-encryption still has to move to the primary key: a count for the node's metrics, never
 * answered through the API (IT's key status, {@link KeyManagement#status}, is). Files' bytes are left out, since
 * re-encryption does not move them (they keep their key until deleted), so the count reaches 0 when a run is done.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReencryptionBacklog {

    @Inject
    KeyRing keyRing;
    @Inject
    KeyUsage usage;

    public long rowsLeft() {
        var primary = keyRing.keys().primary();
        return usage.rowsPerKey().entrySet().stream().filter(e -> e.getKey() != primary)
                .flatMap(e -> e.getValue().entrySet().stream())
                .filter(column -> !KeyUsage.FILE_BYTES.equals(column.getKey()))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }
}
