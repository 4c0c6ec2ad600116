package care.messaging.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.NoSuchAlgorithmException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The keys the application holds. SKELETON: the audit MAC key is random per JVM until the keystore-backed
 * key ring lands (issue 3, crypto part); callers code against this API.
 */
@ApplicationScoped
public class KeyRing {

    private SecretKey auditKey;

    /** The HMAC-SHA256 key of the audit trail's hash chain. */
    public synchronized SecretKey auditKey() {
        if (auditKey == null) {
            try {
                auditKey = KeyGenerator.getInstance("HmacSHA256").generateKey();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return auditKey;
    }
}
