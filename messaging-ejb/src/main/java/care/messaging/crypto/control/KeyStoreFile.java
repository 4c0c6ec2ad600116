package care.messaging.crypto.control;

import care.messaging.crypto.entity.KeysUnusable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.spec.SecretKeySpec;

/**
 * IT's PKCS12 keystore: AES-256 data keys named {@code data-<id>} (the highest id is the primary), the
 * audit trail's HMAC key {@code audit-mac}, and the search index's master key {@code index-mac} (each
 * practice's blind-index key is derived from it, see BlindIndex). Its password is the master key; nothing of it is ever in the
 * database. Changes (rotation, retirement) are written to a sibling file and moved over the original
 * atomically, under a file lock, so a node reading it never sees half a keystore and two nodes sharing
 * the file never lose each other's keys.
 */
public final class KeyStoreFile {

    public static final String DATA_PREFIX = "data-";
    public static final String AUDIT_ALIAS = "audit-mac";
    public static final String INDEX_ALIAS = "index-mac";
    static final int KEY_BYTES = 32;
    private static final ReentrantLock WRITERS = new ReentrantLock();

    /** What the keystore holds, and the modification time it was read at. */
    public record Contents(SortedMap<Integer, byte[]> dataKeys, byte[] auditKey, byte[] indexKey, FileTime modified) {

        public int primary() {
            return dataKeys.lastKey();
        }
    }

    private final Path path;
    private final char[] password;

    public KeyStoreFile(Path path, char[] password) {
        this.path = path;
        this.password = password.clone();
    }

    public Path path() {
        return path;
    }

    public FileTime modified() throws IOException {
        return Files.getLastModifiedTime(path);
    }

    public Contents read() {
        var store = load();
        try {
            var data = new TreeMap<Integer, byte[]>();
            byte[] audit = null;
            byte[] index = null;
            for (var alias : Collections.list(store.aliases())) {
                if (alias.equals(AUDIT_ALIAS)) {
                    audit = keyBytes(store, alias);
                } else if (alias.equals(INDEX_ALIAS)) {
                    index = keyBytes(store, alias);
                } else if (alias.startsWith(DATA_PREFIX)) {
                    data.put(dataKeyId(alias), keyBytes(store, alias));
                }
            }
            if (data.isEmpty()) {
                throw new KeysUnusable("the keystore " + path + " has no data key (an AES-256 secret key entry named data-1)");
            }
            if (audit == null) {
                throw new KeysUnusable("the keystore " + path + " has no audit-mac entry (an HmacSHA256 secret key of 256 bits)");
            }
            if (index == null) {
                // A keystore made before search existed. The application never adds it itself: the keystore is IT's
                // (it may be mounted read-only), and a key written behind IT's back would be missing from its backups.
                throw new KeysUnusable("the keystore " + path + " has no index-mac entry (the search index's master key, an"
                        + " HmacSHA256 secret key of 256 bits): add it with config/keys/add-index-key.sh <keystore>");
            }
            return new Contents(Collections.unmodifiableSortedMap(data), audit, index, modified());
        } catch (GeneralSecurityException | IOException e) {
            throw new KeysUnusable("the keystore " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Adds a new data key with the next id, which makes it the primary, and returns that id. */
    public int addDataKey() {
        return change(store -> {
            var next = read(store).lastKey() + 1;
            var bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            store.setEntry(DATA_PREFIX + next, new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, "AES")),
                    new KeyStore.PasswordProtection(password));
            Arrays.fill(bytes, (byte) 0);
            return next;
        });
    }

    /** Replaces the search index's master key with a fresh one: every message must then be indexed again. */
    public void replaceIndexKey() {
        change(store -> {
            setIndexKey(store);
            return 1;
        });
    }

    private void setIndexKey(KeyStore store) throws GeneralSecurityException {
        var bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        store.setEntry(INDEX_ALIAS, new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, "HmacSHA256")),
                new KeyStore.PasswordProtection(password));
        Arrays.fill(bytes, (byte) 0);
    }

    /** Removes a data key; the caller has checked that no row uses it and that it is not the primary. */
    public void removeDataKey(int id) {
        change(store -> {
            var keys = read(store);
            if (!keys.containsKey(id)) {
                throw new IllegalArgumentException("no data key " + id);
            }
            if (keys.lastKey() == id) {
                throw new IllegalArgumentException("data key " + id + " is the primary");
            }
            store.deleteEntry(DATA_PREFIX + id);
            return id;
        });
    }

    interface Change {
        int apply(KeyStore store) throws GeneralSecurityException;
    }

    private int change(Change change) {
        WRITERS.lock();
        try (var lockFile = FileChannel.open(path.resolveSibling(path.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = lockFile.lock()) {
            var store = load();
            var result = change.apply(store);
            var next = path.resolveSibling(path.getFileName() + ".next");
            try (OutputStream out = Files.newOutputStream(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                store.store(out, password);
            }
            restrictToOwner(next);
            try {
                Files.move(next, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeysUnusable("the keystore " + path + " cannot be written: " + e.getMessage(), e);
        } finally {
            WRITERS.unlock();
        }
    }

    private KeyStore load() {
        try (InputStream in = Files.newInputStream(path)) {
            var store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new KeysUnusable("the keystore " + path + " does not exist");
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new KeysUnusable("the keystore " + path + " cannot be opened (wrong password)", e);
            }
            throw new KeysUnusable("the keystore " + path + " cannot be opened (not a PKCS12 keystore, or unreadable)", e);
        } catch (GeneralSecurityException e) {
            throw new KeysUnusable("the keystore " + path + " cannot be opened (not a PKCS12 keystore)", e);
        }
    }

    private SortedMap<Integer, byte[]> read(KeyStore store) throws GeneralSecurityException {
        var data = new TreeMap<Integer, byte[]>();
        for (var alias : Collections.list(store.aliases())) {
            if (alias.startsWith(DATA_PREFIX)) {
                data.put(dataKeyId(alias), new byte[0]);
            }
        }
        if (data.isEmpty()) {
            throw new KeysUnusable("the keystore " + path + " has no data key");
        }
        return data;
    }

    private byte[] keyBytes(KeyStore store, String alias) throws GeneralSecurityException {
        var key = store.getKey(alias, password);
        if (key == null || key.getEncoded() == null || key.getEncoded().length != KEY_BYTES) {
            throw new KeysUnusable("the keystore entry " + alias + " in " + path + " is not a 256-bit secret key");
        }
        return key.getEncoded();
    }

    private int dataKeyId(String alias) {
        try {
            var id = Integer.parseInt(alias.substring(DATA_PREFIX.length()));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KeysUnusable("the keystore entry " + alias + " in " + path + " is not named data-<positive number>");
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory's own permissions protect it
        }
    }
}
