package care.messaging.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.crypto.entity.KeysUnusable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-practice keys derived from the keystore's index-mac, and the keystores made before it existed (IT adds it). */
class BlindIndexTest {

    static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;
    Path keystore;
    BlindIndex cut;

    @BeforeEach
    void keystoreFromItsScript() throws Exception {
        keystore = dir.resolve("messaging-keys.p12");
        var process = new ProcessBuilder("bash", "../config/keys/create-keystore.sh", keystore.toString())
                .redirectErrorStream(true);
        process.environment().put("MESSAGING_KEYS_PASSWORD", RowCipherTest.PASSWORD);
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes());
        assertTrue(started.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, started.exitValue(), output);
        cut = new BlindIndex(RowCipherTest.ring(keystore, RowCipherTest.PASSWORD));
    }

    @Test
    void hkdfMatchesRfc5869TestCases() {
        var ikm = HEX.parseHex("0b".repeat(22));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(BlindIndex.hkdf(HEX.parseHex("000102030405060708090a0b0c"), ikm,
                        HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42)));
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(BlindIndex.hkdf(null, ikm, new byte[0], 42)));
    }

    @Test
    void equalTermsHashEquallyWithinAPracticeAndDifferentlyAcrossPractices() {
        var riverside = UUID.randomUUID();
        var lakeside = UUID.randomUUID();

        var once = cut.hash(riverside, "anxiety");
        assertEquals(BlindIndex.HASH_BYTES, once.length);
        assertArrayEquals(once, cut.hash(riverside, "anxiety"));
        assertFalse(Arrays.equals(once, cut.hash(riverside, "anxiet")));
        assertFalse(Arrays.equals(once, cut.hash(lakeside, "anxiety")));
        var both = cut.hashes(riverside, List.of("anxiety", "anx"));
        assertArrayEquals(once, Arrays.copyOfRange(both, 0, 16));
        assertArrayEquals(cut.hash(riverside, "anx"), Arrays.copyOfRange(both, 16, 32));
    }

    @Test
    void keystoreWithoutIndexKeyIsRefusedSayingHowToAddItAndIsNotWritten() throws Exception {
        withoutIndexKey();
        var written = Files.readAllBytes(keystore);
        var modified = Files.getLastModifiedTime(keystore);
        var ring = RowCipherTest.ring(keystore, RowCipherTest.PASSWORD);

        var refused = assertThrows(KeysUnusable.class, ring::indexKey);

        assertTrue(refused.getMessage().contains("has no index-mac entry"), refused.getMessage());
        assertTrue(refused.getMessage().contains("config/keys/add-index-key.sh"), refused.getMessage());
        assertArrayEquals(written, Files.readAllBytes(keystore), "the application never writes IT's keystore at start-up");
        assertEquals(modified, Files.getLastModifiedTime(keystore));
    }

    @Test
    void aRunningNodeWhoseKeystoreLosesTheIndexKeyReportsItsKeysUnusable() throws Exception {
        var ring = RowCipherTest.ring(keystore, RowCipherTest.PASSWORD);
        assertEquals(32, ring.indexKey().getEncoded().length);
        var loaded = Files.getLastModifiedTime(keystore);

        withoutIndexKey();
        Files.setLastModifiedTime(keystore, FileTime.fromMillis(loaded.toMillis() + 1000));
        ring.clock = Clock.offset(Clock.systemUTC(), KeyRing.RECHECK.multipliedBy(2));

        // KeysReadiness answers DOWN for this, so a load balancer takes the node out
        var refused = assertThrows(KeysUnusable.class, ring::keys);
        assertTrue(refused.getMessage().contains("has no index-mac entry"), refused.getMessage());
    }

    @Test
    void addIndexKeyScriptAddsTheKeyOnceAndKeepsTheOtherKeys() throws Exception {
        var audit = withoutIndexKey();

        assertEquals(0, addIndexKey());
        var added = RowCipherTest.ring(keystore, RowCipherTest.PASSWORD).indexKey();
        var written = Files.readAllBytes(keystore);
        assertEquals(0, addIndexKey(), "a second run finds it there");

        assertArrayEquals(written, Files.readAllBytes(keystore), "and changes nothing");
        var again = RowCipherTest.ring(keystore, RowCipherTest.PASSWORD);
        assertArrayEquals(added.getEncoded(), again.indexKey().getEncoded());
        assertArrayEquals(audit, again.auditKey().getEncoded());
        assertEquals(32, added.getEncoded().length);
    }

    /** A keystore as made before search existed; answers its audit key. */
    private byte[] withoutIndexKey() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        var password = RowCipherTest.PASSWORD.toCharArray();
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        var audit = store.getKey("audit-mac", password).getEncoded();
        store.deleteEntry("index-mac");
        try (var out = Files.newOutputStream(keystore)) {
            store.store(out, password);
        }
        return audit;
    }

    private int addIndexKey() throws Exception {
        var process = new ProcessBuilder("bash", "../config/keys/add-index-key.sh", keystore.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process.environment().put("MESSAGING_KEYS_PASSWORD", RowCipherTest.PASSWORD);
        var running = process.start();
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));
        return running.exitValue();
    }

    @Test
    void replacingTheIndexKeyChangesHashesAndTheKeyCheck() throws Exception {
        var practice = UUID.randomUUID();
        var ring = RowCipherTest.ring(keystore, RowCipherTest.PASSWORD);
        var index = new BlindIndex(ring);
        var before = index.hash(practice, "sleep");
        var check = index.keyCheck();

        ring.file().replaceIndexKey();
        ring.reload();

        assertFalse(Arrays.equals(before, index.hash(practice, "sleep")));
        assertFalse(Arrays.equals(check, index.keyCheck()));
        assertEquals(8, check.length);
    }
}
