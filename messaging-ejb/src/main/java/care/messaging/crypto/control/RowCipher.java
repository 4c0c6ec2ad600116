package care.messaging.crypto.control;

import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.Sealed;
import care.messaging.crypto.entity.UnreadableCiphertext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The one way PHI columns are written and read: AES-256-GCM under the primary key, with associated data
 * naming the table, column and row, so a ciphertext opens only where it was written.
 */
@ApplicationScoped
public class RowCipher {

    /** Tink's prefix: one version byte, then the key id, big-endian. */
    static final int PREFIX = 5;

    @Inject
    KeyRing keyRing;

    public RowCipher() {
    }

    public RowCipher(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    public Sealed seal(EncryptedColumn column, Object rowId, String plaintext) {
        var keys = keyRing.keys();
        try {
            var ciphertext = keys.aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), column.associatedData(rowId));
            return new Sealed(ciphertext, keys.primary());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed for " + column.label(), e);
        }
    }

    /** The plaintext, or {@link UnreadableCiphertext} if the value was altered, moved or sealed with an unknown key. */
    public String open(EncryptedColumn column, Object rowId, byte[] ciphertext) {
        var keyId = keyId(ciphertext);
        var keys = keyRing.keys();
        if (keyId != null && !keys.ids().contains(keyId)) {
            keys = keyRing.reload();
        }
        try {
            return new String(keys.aead().decrypt(ciphertext, column.associatedData(rowId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UnreadableCiphertext(column, rowId, keyId, e);
        }
    }

    /** The key id a ciphertext names, or null if it is too short to carry one. */
    public static Integer keyId(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < PREFIX || ciphertext[0] != 1) {
            return null;
        }
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
