package care.messaging.delivery.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** A container that writes when told to, and remembers the pings it sent. */
    static final class Container implements Outbox.Wire {
        final List<String> written = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();
        final List<ByteBuffer> pings = new ArrayList<>();

        @Override
        public void write(String frame, Consumer<Throwable> done) {
            written.add(frame);
            pending.add(done);
        }

        @Override
        public void ping(ByteBuffer payload) {
            pings.add(payload);
        }

        void finishWrite() {
            pending.remove(0).accept(null);
        }
    }

    Container container;
    Outbox cut;
    int progress;

    @BeforeEach
    void init() {
        container = new Container();
        cut = new Outbox(container, 4, 100, () -> progress++);
    }

    @Test
    void framesGoOutOneAtATimeInOrder() {
        assertTrue(cut.offer("a"));
        assertTrue(cut.offer("b"));
        assertEquals(List.of("a"), container.written, "the next only when the previous was written");
        container.finishWrite();
        assertEquals(List.of("a", "b"), container.written);
        assertEquals(1, container.pings.size(), "each written frame is followed by a ping");
    }

    @Test
    void framesCountUntilAPongConfirmsThem() {
        cut.offer("x".repeat(30));
        container.finishWrite();
        cut.offer("y".repeat(30));
        container.finishWrite();
        assertEquals(new Outbox.Backlog(2, 60), cut.backlog(), "written is not read");
        cut.pong(container.pings.get(0).duplicate());
        assertEquals(new Outbox.Backlog(1, 30), cut.backlog());
        cut.pong(container.pings.get(1).duplicate());
        assertEquals(new Outbox.Backlog(0, 0), cut.backlog());
        assertTrue(progress >= 4);
    }

    @Test
    void aPongConfirmsEverythingBeforeItsPing() {
        for (int i = 0; i < 3; i++) {
            cut.offer("f" + i);
            container.finishWrite();
        }
        cut.pong(container.pings.get(2).duplicate());
        assertEquals(new Outbox.Backlog(0, 0), cut.backlog());
    }

    @Test
    void aPongThatEchoesNoPingOfOursConfirmsNothing() {
        cut.offer("abc");
        container.finishWrite();
        cut.pong(ByteBuffer.allocate(8).putLong(0, 42));
        cut.pong(ByteBuffer.allocate(3));
        cut.pong(null);
        assertEquals(new Outbox.Backlog(1, 3), cut.backlog());
    }

    @Test
    void whatWouldGoPastACapIsRefused() {
        assertTrue(cut.offer("x".repeat(60)));
        assertFalse(cut.offer("y".repeat(41)), "60 + 41 bytes unread is past 100");
        assertTrue(cut.offer("y".repeat(40)));
        for (int i = 0; i < 2; i++) {
            container.finishWrite();
        }
        cut.pong(container.pings.get(1).duplicate());
        for (int i = 0; i < 4; i++) {
            assertTrue(cut.offer("z"));
        }
        assertFalse(cut.offer("z"), "four frames unread is the frame cap");
    }

    @Test
    void aFrameLargerThanTheByteCapGoesWhenNothingIsUnread() {
        assertTrue(cut.offer("x".repeat(500)));
        assertFalse(cut.offer("y"));
    }

    @Test
    void droppingKeepsOnlyTheFrameBeingWritten() {
        cut.offer("a");
        cut.offer("b");
        cut.offer("c");
        cut.dropWaiting();
        assertEquals(new Outbox.Backlog(1, 1), cut.backlog());
        container.finishWrite();
        assertEquals(List.of("a"), container.written);
    }

    @Test
    void bytesAreUtf8() {
        assertEquals(1, Outbox.utf8Length("a"));
        assertEquals(2, Outbox.utf8Length("é"));
        assertEquals(3, Outbox.utf8Length("€"));
        assertEquals(4, Outbox.utf8Length("\uD83D\uDE00"));
    }
}
