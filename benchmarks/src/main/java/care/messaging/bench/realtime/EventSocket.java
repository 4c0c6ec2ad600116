package care.messaging.bench.realtime;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * One account's event socket, {@code /messaging/ws?after=<cursor>} with {@code Authorization: Bearer}, on the
 * JDK's java.net.http.WebSocket. It keeps reading (one frame requested after each), parses each text frame
 * ({@code {"events":[…],"cursor":n,"resync":b}}), checks that the account's cursors arrive gap-free and in
 * order, and hands the frame to a sink; it keeps nothing itself but counters and the one frame being
 * assembled, which may not exceed {@link #MAX_FRAME_CHARS} (the socket is aborted and the error kept).
 */
final class EventSocket implements WebSocket.Listener {

    static final int MAX_FRAME_CHARS = 4 << 20;

    /** Receives each parsed frame, on the socket's thread: must return quickly. */
    interface Sink {
        void frame(EventSocket socket, Api.EventPage page, long receivedNanos);
    }

    /** The handshake was refused: the HTTP status, or 0 when no HTTP answer came (connection refused, timeout). */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** True when the server answered the upgrade as plain HTTP without a route for it. */
        boolean endpointMissing() {
            return status == 404;
        }
    }

    final UUID account;
    private volatile Sink sink;
    private final StringBuilder text = new StringBuilder();
    private volatile WebSocket webSocket;
    private volatile long cursor;
    final LongAdder frames = new LongAdder();
    final LongAdder events = new LongAdder();
    final LongAdder resyncs = new LongAdder();
    /** Events whose cursor was not the previous one plus one: a lost event (gap) or one out of order. */
    final LongAdder cursorBreaks = new LongAdder();
    final LongAdder badFrames = new LongAdder();
    private volatile int closeCode = -1;
    private volatile String closeReason;
    private volatile Throwable error;
    private volatile boolean closing;
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private EventSocket(UUID account, long after, Sink sink) {
        this.account = account;
        this.cursor = after;
        this.sink = sink;
    }

    /** ws://host:port/messaging/ws for the application at http://host:port/messaging/. */
    static URI endpoint(URI application, long after) {
        return URI.create("ws://" + application.getHost() + ":" + application.getPort() + application.getPath() + "ws?after=" + after);
    }

    /** Opens the socket; fails with {@link Refused} when the handshake is refused or cannot be made. */
    static CompletableFuture<EventSocket> open(HttpClient http, URI application, String token, UUID account, long after, Sink sink) {
        var socket = new EventSocket(account, after, sink);
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(endpoint(application, after), socket)
                .handle((ws, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(refused(failure));
                    }
                    return socket;
                });
    }

    /** Opens and waits; the cause of a failure is unwrapped. */
    static EventSocket openNow(HttpClient http, URI application, String token, UUID account, long after, Sink sink)
            throws Refused, InterruptedException {
        try {
            return open(http, application, token, account, after, sink).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Refused r ? r : new Refused(0, String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new Refused(0, "no handshake answer within 30 s", e);
        }
    }

    static Refused refused(Throwable failure) {
        var cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof WebSocketHandshakeException handshake) {
            var status = handshake.getResponse().statusCode();
            return new Refused(status, "handshake answered HTTP " + status, cause);
        }
        return new Refused(0, cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    void sink(Sink sink) {
        this.sink = sink;
    }

    long cursor() {
        return cursor;
    }

    int closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    Throwable error() {
        return error;
    }

    /** Closed by the server or broken, not by {@link #close()}. */
    boolean lost() {
        return !closing && closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.webSocket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (text.length() + data.length() > MAX_FRAME_CHARS) {
            error = new IllegalStateException("a frame longer than " + MAX_FRAME_CHARS + " characters");
            text.setLength(0);
            webSocket.abort();
            closed.complete(-1);
            return null;
        }
        text.append(data);
        if (last) {
            var received = System.nanoTime();
            var frame = text.toString();
            text.setLength(0);
            accept(frame, received);
        }
        webSocket.request(1);
        return null;
    }

    private void accept(String frame, long received) {
        Api.EventPage page;
        try {
            page = Api.page(Api.parse(frame));
        } catch (JsonException | NullPointerException | ClassCastException e) {
            badFrames.increment();
            return;
        }
        frames.increment();
        if (page.resync()) {
            resyncs.increment();
            cursor = page.cursor();
        }
        for (var event : page.events()) {
            var c = event.getJsonNumber("cursor").longValue();
            if (c != cursor + 1) {
                cursorBreaks.increment();
            }
            cursor = Math.max(cursor, c);
        }
        cursor = Math.max(cursor, page.cursor());
        events.add(page.events().size());
        var s = sink;
        if (s != null) {
            s.frame(this, page, received);
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        badFrames.increment();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.error = error;
        closed.complete(-1);
    }

    /** Closes normally and waits briefly for the server's close; aborts if it does not come. */
    void close() {
        closing = true;
        var ws = webSocket;
        if (ws == null || closed.isDone()) {
            return;
        }
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            closed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ws.abort();
        } catch (ExecutionException | TimeoutException e) {
            ws.abort();
        }
    }

    /** Drops the connection without a close handshake, as a client that loses its network would. */
    void abort() {
        closing = true;
        var ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
    }
}
