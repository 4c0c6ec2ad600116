package care.messaging.delivery.socket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * /ws: one socket per app, carrying all of the user's events as text frames shaped like GET /api/events
 * pages. {@link Handshakes} authenticated the handshake; this endpoint only hands the session to a
 * {@link Feed}. Text from the client is ignored (a client may send {"ack":cursor}; nothing needs it).
 */
@ServerEndpoint("/ws")
public class EventSocket {

    private static final System.Logger LOGGER = System.getLogger(EventSocket.class.getName());

    static final int MAX_TEXT_BYTES = 4096;
    static final int MAX_TEXT_FRAMES_PER_MINUTE = 60;

    @Inject
    Sockets sockets;
    private Feed feed;
    private long windowStart = System.nanoTime();
    private int framesInWindow;

    @OnOpen
    public void open(Session session) throws IOException {
        if (session.getUserPrincipal() instanceof SocketPrincipal principal) {
            feed = sockets.open(session, principal);
        } else {
            // Only a handshake that passed the filter carries the principal; anything else is not ours to serve.
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not authenticated"));
        }
    }

    /**
     * Nothing a client sends changes what it gets (the apps send nothing; another client may send a small
     * acknowledgement, which is ignored unread). A frame past {@value #MAX_TEXT_BYTES} bytes is not
     * buffered: the container closes the socket with 1009. More than {@value #MAX_TEXT_FRAMES_PER_MINUTE}
     * frames in a minute close it with 1008: a flood costs a counter, never a parse.
     */
    @OnMessage(maxMessageSize = MAX_TEXT_BYTES)
    public void text(String ignored, Session session) throws IOException {
        var now = System.nanoTime();
        if (now - windowStart > TimeUnit.MINUTES.toNanos(1)) {
            windowStart = now;
            framesInWindow = 0;
        }
        if (++framesInWindow > MAX_TEXT_FRAMES_PER_MINUTE && session.isOpen()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many frames"));
        }
    }

    @OnMessage
    public void pong(PongMessage pong) {
        if (feed != null) {
            feed.ponged(pong.getApplicationData());
        }
    }

    @OnClose
    public void closed(CloseReason reason) {
        if (feed != null) {
            feed.release();
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOGGER.log(System.Logger.Level.DEBUG, "WebSocket {0} failed: {1}", session.getId(), error.getClass().getName());
    }
}
