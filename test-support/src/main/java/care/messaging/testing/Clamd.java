package care.messaging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A real ClamAV daemon (Debian's {@code clamd}), started by a test suite as a process of its own, never the
 * system service: its configuration and a signature database holding only the EICAR test signature are
 * written under the directory it is given, it listens on a free port of 127.0.0.1 (or on a Unix socket there,
 * {@link #startOnUnixSocket}), and {@link #close()}
 * stops that one process. Nothing is downloaded: the database is made here.
 *
 * <p>The EICAR test file is built from two parts at run time ({@link #eicar()}): a source file holding it
 * whole is quarantined by the antivirus on developers' machines.
 */
public final class Clamd implements AutoCloseable {

    /** The name the test database gives the signature; clamd answers it with ".UNOFFICIAL" appended. */
    public static final String SIGNATURE = "Eicar-Test-Signature";
    /**
     * The size limits a suite's clamd gets: past the largest file a test uploads (LargeFileIT's 100 MB), since clamd
     * answers a file beyond its MaxFileSize without scanning it (see {@link #start(Path, Duration, int, long)}).
     */
    public static final long SUITE_LIMIT_BYTES = 256L * 1024 * 1024;
    private static final String CLAMD = "/usr/sbin/clamd";

    private final Process process;
    private final int port;
    private final Path socket;
    private final Path log;

    private Clamd(Process process, int port, Path socket, Path log) {
        this.process = process;
        this.port = port;
        this.socket = socket;
        this.log = log;
    }

    /** The 68-byte EICAR anti-virus test file, which every scanner reports and which harms nothing. */
    public static byte[] eicar() {
        var first = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
        var second = "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*";
        return (first + second).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the database and configuration under {@code dir} (emptied first), starts clamd and waits until it answers. */
    public static Clamd start(Path dir, Duration within) {
        try {
            return start(dir, within, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, on a port chosen by the caller (one a node was told to reach before any clamd listened there). */
    public static Clamd start(Path dir, Duration within, int port) {
        return start(dir, within, port, SUITE_LIMIT_BYTES, null);
    }

    /**
     * The same, listening only on a Unix socket ({@code LocalSocket}) at {@code dir/clamd.ctl}, as Debian's
     * packaged clamd does at {@code /run/clamav/clamd.ctl}. A socket path may be at most 107 bytes long.
     */
    public static Clamd startOnUnixSocket(Path dir, Duration within) {
        return start(dir, within, 0, SUITE_LIMIT_BYTES, dir.toAbsolutePath().resolve("clamd.ctl"));
    }

    /**
     * The same, scanning files up to {@code limitBytes} (clamd's MaxFileSize and MaxScanSize; a stream may be twice
     * as long, StreamMaxLength, so that a longer file reaches the scan and its limit rather than the stream's), with
     * {@code AlertExceedsMax yes}: a file past a limit is answered {@code Heuristics.Limits.Exceeded.<limit> FOUND}
     * instead of {@code OK}, which is what clamd says by default of a file it never scanned.
     */
    public static Clamd start(Path dir, Duration within, int port, long limitBytes) {
        return start(dir, within, port, limitBytes, null);
    }

    private static Clamd start(Path dir, Duration within, int port, long limitBytes, Path socket) {
        try {
            Files.createDirectories(dir);
            var database = dir.resolve("db");
            deleteTree(database);
            Files.createDirectories(database);
            // An extended signature (.ndb): the bytes anywhere in a file of any type, so a test file may carry more than EICAR.
            Files.writeString(database.resolve("test.ndb"), SIGNATURE + ":0:*:" + HexFormat.of().formatHex(eicar()) + "\n");
            var name = socket == null ? "clamd-" + port : "clamd-unix";
            var log = dir.resolve(name + ".log");
            var config = dir.resolve(name + ".conf");
            if (socket != null) {
                Files.deleteIfExists(socket);
            }
            var listen = socket == null
                    ? "TCPAddr 127.0.0.1\nTCPSocket " + port
                    : "LocalSocket " + socket + "\nLocalSocketMode 660";
            Files.writeString(config, String.join("\n",
                    "Foreground yes",
                    "DatabaseDirectory " + database,
                    listen,
                    "LogFile " + log,
                    "LogTime yes",
                    // the suite's clamd never reloads: the database does not change while it runs
                    "SelfCheck 0",
                    "MaxFileSize " + limitBytes,
                    "MaxScanSize " + limitBytes,
                    "StreamMaxLength " + 2 * limitBytes,
                    "AlertExceedsMax yes",
                    "") );
            var process = new ProcessBuilder(CLAMD, "--config-file=" + config)
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
            var clamd = new Clamd(process, port, socket, log);
            clamd.awaitReady(within);
            return clamd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The Unix socket it listens on, or null when it listens on TCP. */
    public Path socket() {
        return socket;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until clamd answers {@code zPING} with {@code PONG}. */
    private void awaitReady(Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("clamd exited with " + process.exitValue() + ":\n" + log());
            }
            if (pong()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("clamd is not ready after " + within + ":\n" + log());
    }

    private boolean pong() {
        if (socket != null) {
            return pongOverUnixSocket();
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).startsWith("PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private boolean pongOverUnixSocket() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (var channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap("zPING\0".getBytes(StandardCharsets.US_ASCII)));
            // clamd answers PING at once; the reply is read in blocking mode (a Unix channel has no read timeout)
            return new String(Channels.newInputStream(channel).readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log at " + log + ")";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops this clamd (SIGTERM to its PID, then SIGKILL if it lingers). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
