package care.messaging.crypto.boundary;

import care.messaging.crypto.control.KeyUsage;
import care.messaging.crypto.entity.EncryptedColumn;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;

/** One batch of re-encryption in a transaction of its own, so a long run commits as it goes and can stop anywhere. */
@Stateless
public class ReencryptionBatch {

    @Inject
    KeyUsage usage;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public KeyUsage.Batch run(EncryptedColumn column, int primary, UUID after, int size) {
        return usage.reencrypt(column, primary, after, size);
    }
}
