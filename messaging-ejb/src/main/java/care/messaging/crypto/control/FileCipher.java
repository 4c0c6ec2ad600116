package care.messaging.crypto.control;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files encrypted as streams: Tink's streaming AEAD (AES-256-GCM-HKDF, {@value #SEGMENT}-byte ciphertext
 * segments, each authenticated, with the last one marked so a truncated file fails), under the key ring's
 * data keys. A file's key is not the data key itself but one derived from it for this use (HMAC-SHA256 of a
 * fixed label), so the same key material never serves two algorithms; the data key's id names it, and the
 * caller stores that id beside the file, as row ciphertexts keep theirs. Neither direction holds more than
 * a segment in memory.
 */
@ApplicationScoped
public class FileCipher {

    static final int SEGMENT = 256 * 1024;
    private static final byte[] LABEL = "care-messaging/v1/streaming-aead-key".getBytes(StandardCharsets.UTF_8);

    @Inject
    KeyRing keyRing;

    public FileCipher() {
    }

    public FileCipher(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    /** An encrypting stream in front of {@code ciphertext}, and the id of the key it uses. Closing it writes the last segment. */
    public record Encrypting(int keyId, OutputStream plaintext) {
    }

    /** Encrypts what is written to the answer's stream under the primary key, bound to {@code associatedData}. */
    public Encrypting encrypt(OutputStream ciphertext, byte[] associatedData) throws IOException {
        var keys = keyRing.keys();
        try {
            return new Encrypting(keys.primary(), streaming(keys, keys.primary()).newEncryptingStream(ciphertext, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("streaming encryption could not start", e);
        }
    }

    /**
     * The plaintext of a stream written by {@link #encrypt}; reading it throws an {@code IOException} where
     * the ciphertext was altered, cut short, moved to another file, or sealed with a key this node lacks.
     */
    public InputStream decrypt(InputStream ciphertext, int keyId, byte[] associatedData) throws IOException {
        var keys = keyRing.keys();
        if (!keys.ids().contains(keyId)) {
            keys = keyRing.reload();
        }
        if (!keys.ids().contains(keyId)) {
            throw new IOException("data key " + keyId + " is not in the keystore");
        }
        try {
            return streaming(keys, keyId).newDecryptingStream(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IOException("streaming decryption could not start", e);
        }
    }

    static StreamingAead streaming(KeyRing.Keys keys, int keyId) throws GeneralSecurityException {
        var parameters = AesGcmHkdfStreamingParameters.builder()
                .setKeySizeBytes(32)
                .setDerivedAesGcmKeySizeBytes(32)
                .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                .setCiphertextSegmentSizeBytes(SEGMENT)
                .build();
        var key = AesGcmHkdfStreamingKey.create(parameters,
                SecretBytes.copyFrom(derived(keys.source().dataKeys().get(keyId)), InsecureSecretKeyAccess.get()));
        return AesGcmHkdfStreaming.create(key);
    }

    private static byte[] derived(byte[] dataKey) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
        return mac.doFinal(LABEL);
    }
}
