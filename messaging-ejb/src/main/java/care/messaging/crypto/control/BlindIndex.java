package care.messaging.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes for the search index: HMAC-SHA256 truncated to {@value #HASH_BYTES} bytes, under a key of
 * the practice's own, derived from the keystore's {@code index-mac} with HKDF-SHA256 (RFC 5869; the
 * practice id is the info). Equal words hash equally within one practice only, so the index of one
 * practice says nothing about another's, and without the keystore no one can hash a guessed word to
 * look it up.
 */
@ApplicationScoped
public class BlindIndex {

    public static final int HASH_BYTES = 16;
    static final String ALGORITHM = "HmacSHA256";
    static final byte[] KEY_CHECK = "care-messaging/search-index/key-check".getBytes(StandardCharsets.UTF_8);

    /** The keys derived from one master key; replaced as a whole when the master changes. */
    private record Derived(SecretKey master, Map<UUID, SecretKey> practices, byte[] keyCheck) {
    }

    @Inject
    KeyRing keyRing;
    private volatile Derived derived;

    public BlindIndex() {
    }

    /** Outside the container (benchmarks): the same hashes from the same keystore. */
    public BlindIndex(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    /** The hashes of the terms under the practice's key, concatenated ({@value #HASH_BYTES} bytes each). */
    public byte[] hashes(UUID practice, Collection<String> terms) {
        var mac = mac(practice);
        var out = new byte[terms.size() * HASH_BYTES];
        var at = 0;
        for (var term : terms) {
            System.arraycopy(mac.doFinal(term.getBytes(StandardCharsets.UTF_8)), 0, out, at, HASH_BYTES);
            at += HASH_BYTES;
        }
        return out;
    }

    public byte[] hash(UUID practice, String term) {
        return Arrays.copyOf(mac(practice).doFinal(term.getBytes(StandardCharsets.UTF_8)), HASH_BYTES);
    }

    /**
     * Eight bytes that name the master key without revealing it: stored with every indexed message, so
     * messages indexed under an earlier key are found and indexed again.
     */
    public byte[] keyCheck() {
        return current().keyCheck();
    }

    private Mac mac(UUID practice) {
        var keys = current();
        var key = keys.practices().computeIfAbsent(practice, p -> practiceKey(keys.master(), p));
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Derived current() {
        var master = keyRing.indexKey();
        var keys = derived;
        if (keys == null || keys.master() != master) {
            keys = new Derived(master, new ConcurrentHashMap<>(), Arrays.copyOf(hmac(master.getEncoded(), KEY_CHECK), 8));
            derived = keys;
        }
        return keys;
    }

    static SecretKey practiceKey(SecretKey master, UUID practice) {
        var info = ("care-messaging/search-index/v1/" + practice).getBytes(StandardCharsets.UTF_8);
        return new SecretKeySpec(hkdf(null, master.getEncoded(), info, 32), ALGORITHM);
    }

    /** HKDF-SHA256 (RFC 5869): extract with the salt (HashLen zeros if null), then expand to length bytes. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        var prk = hmac(salt == null || salt.length == 0 ? new byte[32] : salt, ikm);
        var out = new byte[length];
        var block = new byte[0];
        for (int i = 1, at = 0; at < length; i++) {
            var input = new byte[block.length + info.length + 1];
            System.arraycopy(block, 0, input, 0, block.length);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) i;
            block = hmac(prk, input);
            System.arraycopy(block, 0, out, at, Math.min(block.length, length - at));
            at += block.length;
        }
        return out;
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
