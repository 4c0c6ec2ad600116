package care.messaging.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.KeysUnusable;
import care.messaging.crypto.entity.UnreadableCiphertext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore made by IT's own script, loaded into Tink, and what the row binding refuses. */
class RowCipherTest {

    static final String PASSWORD = "unit-tests-only-keystore";
    static final String SECRET = "Marker 7f3a: panic attacks at night";

    @TempDir
    Path dir;
    Path keystore;
    KeyRing ring;
    RowCipher cipher;

    @BeforeEach
    void createKeystoreWithItsScript() throws Exception {
        keystore = dir.resolve("keys/messaging-keys.p12");
        var process = new ProcessBuilder("bash", "../config/keys/create-keystore.sh", keystore.toString())
                .redirectErrorStream(true);
        process.environment().put("MESSAGING_KEYS_PASSWORD", PASSWORD);
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes());
        assertTrue(started.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, started.exitValue(), output);
        ring = ring(keystore, PASSWORD);
        cipher = new RowCipher(ring);
    }

    static KeyRing ring(Path keystore, String password) {
        var ring = new KeyRing();
        ring.keystore = Optional.of(keystore.toString());
        ring.password = Optional.ofNullable(password);
        ring.clock = Clock.systemUTC();
        return ring;
    }

    @Test
    void sealsUnderThePrimaryKeyAndOpensInTheSameRow() {
        var row = UUID.randomUUID();
        var sealed = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET);
        assertEquals(1, sealed.keyId());
        assertEquals(1, RowCipher.keyId(sealed.ciphertext()));
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("Marker 7f3a"));
        assertEquals(SECRET, cipher.open(EncryptedColumn.MESSAGE_BODY, row, sealed.ciphertext()));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        var row = UUID.randomUUID();
        var a = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET).ciphertext();
        var b = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET).ciphertext();
        assertFalse(java.util.Arrays.equals(a, b));
    }

    @Test
    void aCiphertextCopiedToAnotherRowOrColumnDoesNotOpen() {
        var row = UUID.randomUUID();
        var sealed = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET).ciphertext();
        assertThrows(UnreadableCiphertext.class, () -> cipher.open(EncryptedColumn.MESSAGE_BODY, UUID.randomUUID(), sealed));
        assertThrows(UnreadableCiphertext.class, () -> cipher.open(EncryptedColumn.CONVERSATION_PREVIEW, row, sealed));
    }

    @Test
    void aChangedByteDoesNotOpen() {
        var row = UUID.randomUUID();
        var sealed = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET).ciphertext();
        sealed[sealed.length / 2] ^= 1;
        var e = assertThrows(UnreadableCiphertext.class, () -> cipher.open(EncryptedColumn.MESSAGE_BODY, row, sealed));
        assertFalse(e.getMessage().contains("Marker"));
    }

    @Test
    void rotationMakesTheNewKeyPrimaryAndOldValuesStillOpen() {
        var row = UUID.randomUUID();
        var old = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET).ciphertext();
        assertEquals(2, ring.file().addDataKey());
        ring.reload();
        var fresh = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET);
        assertEquals(2, fresh.keyId());
        assertEquals(2, RowCipher.keyId(fresh.ciphertext()));
        assertEquals(SECRET, cipher.open(EncryptedColumn.MESSAGE_BODY, row, old));
        assertEquals(SECRET, cipher.open(EncryptedColumn.MESSAGE_BODY, row, fresh.ciphertext()));
    }

    @Test
    void anotherNodeSharingTheKeystoreOpensWhatTheRotatedKeySealedWithoutARestart() {
        var other = new RowCipher(ring(keystore, PASSWORD));
        other.seal(EncryptedColumn.MESSAGE_BODY, UUID.randomUUID(), "warm up: loads key 1 only");
        ring.file().addDataKey();
        ring.reload();
        var row = UUID.randomUUID();
        var sealed = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET).ciphertext();
        assertEquals(SECRET, other.open(EncryptedColumn.MESSAGE_BODY, row, sealed));
    }

    @Test
    void aRetiredKeyIsGoneAndThePrimaryCannotBeRetired() {
        var row = UUID.randomUUID();
        var old = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, SECRET).ciphertext();
        ring.file().addDataKey();
        assertThrows(IllegalArgumentException.class, () -> ring.file().removeDataKey(2));
        ring.file().removeDataKey(1);
        assertEquals(java.util.Set.of(2), ring.reload().ids());
        assertThrows(UnreadableCiphertext.class, () -> cipher.open(EncryptedColumn.MESSAGE_BODY, row, old));
    }

    @Test
    void theAuditKeyComesFromTheKeystoreAndSurvivesAReload() {
        var first = ring.auditKey().getEncoded();
        assertEquals(32, first.length);
        assertArrayEquals(first, ring(keystore, PASSWORD).auditKey().getEncoded());
    }

    @Test
    void unusableKeysSayWhatIsMissing() throws Exception {
        assertMessage("messaging.keys.keystore is not set", new KeyRing() {
            {
                keystore = Optional.empty();
                password = Optional.of(PASSWORD);
                clock = Clock.systemUTC();
            }
        });
        assertMessage("messaging.keys.password is not set", ring(keystore, null));
        assertMessage("does not exist", ring(dir.resolve("nowhere.p12"), PASSWORD));
        assertMessage("wrong password", ring(keystore, "not-the-password"));
        var empty = dir.resolve("empty.p12");
        var store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(empty)) {
            store.store(out, PASSWORD.toCharArray());
        }
        assertMessage("has no data key", ring(empty, PASSWORD));
    }

    static void assertMessage(String expected, KeyRing ring) {
        var e = assertThrows(KeysUnusable.class, ring::reload);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
