package care.messaging.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The JDK's WebSocket client on /messaging/ws, collecting the server's frames as JSON. A reading client
 * asks for every message at once; a non-reading one asks for none until {@link #startReading()}, so the
 * JDK leaves the bytes in the socket and the server sees a reader that stopped.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

    record Close(int code, String reason) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    private final boolean reading;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private SocketClient(boolean reading) {
        this.reading = reading;
    }

    /** Opens the socket; a refused handshake answers the HTTP status as a {@link Refused}. */
    static SocketClient open(URI uri, Map<String, String> headers, boolean reading) throws Refused {
        var client = new SocketClient(reading);
        var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            client.socket = builder.buildAsync(uri, client).get(20, TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("Opening " + uri.getPath() + " failed", e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Opening " + uri.getPath() + " failed", e);
        }
    }

    static SocketClient open(URI uri, Map<String, String> headers) throws Refused {
        return open(uri, headers, true);
    }

    /** The status of a handshake the server refused. */
    static int refusal(URI uri, Map<String, String> headers) {
        try (var unexpected = open(uri, headers, true)) {
            return 101;
        } catch (Refused refused) {
            return refused.status;
        }
    }

    void startReading() {
        socket.request(Long.MAX_VALUE);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(Long.MAX_VALUE);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
            partial.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        return null; // the JDK answers with a pong by itself
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Frames until the predicate holds for the events received so far (all of them, in order). */
    List<JsonObject> framesUntil(Predicate<List<JsonObject>> enough, Duration within) {
        var received = new ArrayList<JsonObject>();
        var deadline = System.nanoTime() + within.toNanos();
        while (!enough.test(events(received))) {
            var left = deadline - System.nanoTime();
            JsonObject frame;
            try {
                frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (frame == null) {
                throw new AssertionError("Not enough within " + within + "; frames so far: " + received);
            }
            received.add(frame);
        }
        return received;
    }

    static List<JsonObject> events(List<JsonObject> frames) {
        return frames.stream().flatMap(f -> f.getJsonArray("events").getValuesAs(JsonObject.class).stream()).toList();
    }

    /** Sends one text frame; false if the socket was closed before it went out. */
    boolean sendText(String text) {
        try {
            socket.sendText(text, true).get(20, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException closed) {
            return false;
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    Close awaitClose(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("The socket failed instead of closing", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The socket was not closed within " + within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // closing anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.abort();
    }

    /** A refused handshake: its HTTP status. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status) {
            super("handshake refused with " + status);
            this.status = status;
        }
    }
}
