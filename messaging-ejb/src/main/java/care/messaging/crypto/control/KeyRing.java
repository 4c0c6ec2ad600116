package care.messaging.crypto.control;

import care.messaging.crypto.entity.KeysUnusable;
import care.messaging.platform.control.AuditKey;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys this node holds, loaded from IT's keystore ({@link KeyStoreFile}) into a Tink keyset: one
 * AES-256-GCM key per data key, with Tink's 5-byte prefix naming the key in every ciphertext. The
 * keystore file is checked for changes every few seconds, and at once when a ciphertext names a key this
 * node has not seen, so a rotation made through another node sharing the file is picked up without a
 * restart.
 */
@ApplicationScoped
public class KeyRing {

    static final Duration RECHECK = Duration.ofSeconds(2);

    /** One loaded version of the keystore. */
    public record Keys(Aead aead, int primary, SortedSet<Integer> ids, SecretKey auditKey, SecretKey indexKey,
                       KeyStoreFile.Contents source) {
    }

    @Inject
    @ConfigProperty(name = "messaging.keys.keystore")
    Optional<String> keystore;
    @Inject
    @ConfigProperty(name = "messaging.keys.password")
    Optional<String> password;
    @Inject
    Clock clock;

    private volatile Keys keys;
    private volatile Instant checkedAt = Instant.MIN;
    private KeyStoreFile file;

    /** A key ring outside the container, for command-line tools and benchmarks. */
    public static KeyRing standalone(Path keystore, String password, Clock clock) {
        var ring = new KeyRing();
        ring.keystore = Optional.of(keystore.toString());
        ring.password = Optional.of(password);
        ring.clock = clock;
        return ring;
    }

    /** The current keys, reloaded if the keystore changed; throws {@link KeysUnusable} saying what is missing. */
    public Keys keys() {
        var now = clock.instant();
        if (keys == null || now.isAfter(checkedAt.plus(RECHECK))) {
            reloadIfChanged(now);
        }
        return keys;
    }

    /** Reads the keystore again now (after a rotation here, or a ciphertext naming an unknown key). */
    public synchronized Keys reload() {
        keys = load(file().read());
        checkedAt = clock.instant();
        return keys;
    }

    public SecretKey auditKey() {
        return keys().auditKey();
    }

    /** The audit key for the audit trail, which knows only the qualifier; dependent, so each use gets the current one. */
    @Produces
    @AuditKey
    SecretKey producedAuditKey() {
        return auditKey();
    }

    /** The search index's master key (the keystore's index-mac, which IT's keystore must hold; see KeyStoreFile). */
    public SecretKey indexKey() {
        return keys().indexKey();
    }

    public synchronized KeyStoreFile file() {
        if (file == null) {
            var location = keystore.filter(s -> !s.isBlank()).orElseThrow(() -> new KeysUnusable(
                    "messaging.keys.keystore is not set (the path of the PKCS12 keystore holding the data keys)"));
            var secret = password.filter(s -> !s.isEmpty()).orElseThrow(() -> new KeysUnusable(
                    "messaging.keys.password is not set (the keystore password: a password alias of that name, or MESSAGING_KEYS_PASSWORD)"));
            file = new KeyStoreFile(Path.of(location), secret.toCharArray());
        }
        return file;
    }

    private synchronized void reloadIfChanged(Instant now) {
        if (keys != null && !now.isAfter(checkedAt.plus(RECHECK))) {
            return;
        }
        try {
            if (keys == null || !file().modified().equals(keys.source().modified())) {
                keys = load(file().read());
            }
        } catch (IOException e) {
            if (keys == null) {
                throw new KeysUnusable("the keystore " + file().path() + " cannot be read: " + e.getMessage(), e);
            }
            // keep serving with the keys already loaded; the next check tries again
        }
        checkedAt = now;
    }

    static Keys load(KeyStoreFile.Contents contents) {
        try {
            AeadConfig.register();
            var builder = KeysetHandle.newBuilder();
            for (var entry : contents.dataKeys().entrySet()) {
                var added = KeysetHandle.importKey(aesGcm(entry.getKey(), entry.getValue())).withFixedId(entry.getKey());
                if (entry.getKey() == contents.primary()) {
                    added.makePrimary();
                }
                builder.addEntry(added);
            }
            var aead = builder.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new Keys(aead, contents.primary(), new TreeSet<>(contents.dataKeys().keySet()),
                    new SecretKeySpec(contents.auditKey(), "HmacSHA256"),
                    new SecretKeySpec(contents.indexKey(), "HmacSHA256"), contents);
        } catch (GeneralSecurityException e) {
            throw new KeysUnusable("the data keys cannot be used for AES-256-GCM: " + e.getMessage(), e);
        }
    }

    static AesGcmKey aesGcm(int id, byte[] bytes) throws GeneralSecurityException {
        var parameters = AesGcmParameters.builder()
                .setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.TINK)
                .build();
        return AesGcmKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
                .setIdRequirement(id)
                .build();
    }
}
