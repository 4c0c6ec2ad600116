package care.messaging.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The port base of this run's domain, held with a file lock in the temp directory so that system test
 * runs of other worktrees on the same machine take another base instead of colliding. The operating
 * system drops the lock when the JVM dies, so a killed run never blocks a base for good; a base whose
 * ports are taken by anything else is skipped as well.
 */
final class PortBase implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(PortBase.class.getName());
    private static final int STEP = 100;
    private static final int ATTEMPTS = 10;

    final int value;
    private final FileChannel channel;
    private final FileLock lock;

    private PortBase(int value, FileChannel channel, FileLock lock) {
        this.value = value;
        this.channel = channel;
        this.lock = lock;
    }

    static PortBase claim(int preferred) {
        for (var base = preferred; base < preferred + STEP * ATTEMPTS; base += STEP) {
            var claimed = tryClaim(base);
            if (claimed != null) {
                if (base != preferred) {
                    LOGGER.log(System.Logger.Level.WARNING, "Port base {0} is in use; this run takes {1}",
                            String.valueOf(preferred), String.valueOf(base));
                }
                return claimed;
            }
        }
        throw new IllegalStateException("No free port base from " + preferred + " in steps of " + STEP);
    }

    int adminPort() {
        return value + 48;
    }

    int httpPort() {
        return value + 80;
    }

    /** The domain's TLS listener, http-listener-2. */
    int httpsPort() {
        return value + 81;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PortBase tryClaim(int base) {
        try {
            var file = Path.of(System.getProperty("java.io.tmpdir"), "care-messaging-payara-" + base + ".lock");
            var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
                lock = null; // this run's other domain holds this base
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            var claimed = new PortBase(base, channel, lock);
            if (List.of(claimed.adminPort(), claimed.httpPort(), claimed.httpsPort()).stream().anyMatch(PortBase::isListening)) {
                claimed.close();
                return null;
            }
            return claimed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isListening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
