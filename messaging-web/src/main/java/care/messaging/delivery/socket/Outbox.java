package care.messaging.delivery.socket;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One socket's outbound frames, bounded by what the client has not read yet. A written frame is not a
 * read one: the container and the kernel accept megabytes for a client that reads nothing (Grizzly queues
 * writes in the heap). So every frame is followed by a ping with a fresh random payload, and the pong that
 * echoes it, which the client can only send after reading everything before it, confirms the frames up to
 * there. Frames written but not confirmed, and frames still waiting here, count together against the caps
 * ({@code maxFrames}, {@code maxBytes}); {@link #offer} refuses what would go past them, and the owner
 * closes the socket. Never blocks: frames go to the container one at a time, the next when the previous
 * was written, and nobody waits for a slow reader.
 */
final class Outbox {

    /** Hands one frame to the container and reports, later and on any thread, that it was written (null) or failed. */
    interface Wire {
        void write(String frame, Consumer<Throwable> done);

        void ping(ByteBuffer payload);
    }

    /** Frames and bytes not known to be read by the client: waiting here, or written and not confirmed. */
    record Backlog(long frames, long bytes) {
    }

    private record Frame(String text, int bytes) {
    }

    /** How much had been written when a ping went out; its pong confirms that much. */
    private record Mark(long token, long frames, long bytes) {
    }

    private static final SecureRandom TOKENS = new SecureRandom();

    private final Wire wire;
    private final int maxFrames;
    private final long maxBytes;
    private final Runnable progress;
    private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    private long waitingBytes;
    private long writtenFrames;
    private long writtenBytes;
    private long confirmedFrames;
    private long confirmedBytes;
    private boolean writing;
    private boolean closed;

    /** {@code progress} runs after a frame was written and after a pong confirmed frames. */
    Outbox(Wire wire, int maxFrames, long maxBytes, Runnable progress) {
        this.wire = wire;
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.progress = progress;
    }

    /**
     * Queues the frame, or refuses it (false) when it would take the unread frames past a cap. A frame larger
     * than the byte cap on its own still goes when nothing is unread, so a full page always fits.
     */
    boolean offer(String text) {
        var frame = new Frame(text, utf8Length(text));
        synchronized (this) {
            if (closed) {
                return true;
            }
            var backlog = backlog();
            if (backlog.frames() > 0 && (backlog.frames() + 1 > maxFrames || backlog.bytes() + frame.bytes() > maxBytes)) {
                return false;
            }
            waiting.add(frame);
            waitingBytes += frame.bytes();
            if (writing) {
                return true;
            }
            writing = true;
        }
        wire.write(text, this::written);
        return true;
    }

    synchronized Backlog backlog() {
        return new Backlog(waiting.size() + writtenFrames - confirmedFrames, waitingBytes + writtenBytes - confirmedBytes);
    }

    synchronized boolean isWaiting() {
        return !waiting.isEmpty();
    }

    /** A heartbeat ping: its pong confirms whatever was written before it, like any other. */
    void ping() {
        ByteBuffer payload;
        synchronized (this) {
            if (closed) {
                return;
            }
            payload = mark();
        }
        wire.ping(payload);
    }

    /** A pong: if it echoes one of this socket's pings, everything written before that ping was read. */
    void pong(ByteBuffer payload) {
        if (payload == null || payload.remaining() != Long.BYTES) {
            return; // an unsolicited pong, or not ours: proves nothing
        }
        var token = payload.duplicate().getLong();
        synchronized (this) {
            if (marks.stream().noneMatch(m -> m.token() == token)) {
                return;
            }
            Mark mark;
            do {
                mark = marks.poll();
            } while (mark.token() != token);
            confirmedFrames = Math.max(confirmedFrames, mark.frames());
            confirmedBytes = Math.max(confirmedBytes, mark.bytes());
        }
        progress.run();
    }

    /** Drops the frames not handed to the container yet; the one being written goes on. */
    synchronized void dropWaiting() {
        while (waiting.size() > (writing ? 1 : 0)) {
            waitingBytes -= waiting.pollLast().bytes();
        }
    }

    /** Drops what waits; nothing more is written. */
    synchronized void close() {
        closed = true;
        waiting.clear();
        marks.clear();
    }

    private void written(Throwable failure) {
        Frame next;
        ByteBuffer ping = null;
        synchronized (this) {
            var sent = waiting.poll();
            if (sent != null) {
                waitingBytes -= sent.bytes();
                writtenFrames++;
                writtenBytes += sent.bytes();
            }
            if (failure != null) {
                closed = true;
            }
            if (!closed) {
                ping = mark();
            }
            next = closed ? null : waiting.peek();
            writing = next != null;
        }
        if (ping != null) {
            wire.ping(ping);
        }
        progress.run();
        if (next != null) {
            wire.write(next.text(), this::written);
        }
    }

    private ByteBuffer mark() {
        var token = TOKENS.nextLong();
        marks.add(new Mark(token, writtenFrames, writtenBytes));
        return ByteBuffer.allocate(Long.BYTES).putLong(0, token);
    }

    static int utf8Length(String text) {
        var length = 0;
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
