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

/**
 * /ws: one socket per app, carrying all of the user's events as text frames shaped like GET /api/events
 * pages. {@link Handshakes} authenticated the handshake; this endpoint only hands the session to a
 * {@link Feed}. Text from the client is ignored (a client may send {"ack":cursor}; nothing needs it).
 */
@ServerEndpoint("/ws")
public class EventSocket {

    private static final System.Logger LOGGER = System.getLogger(EventSocket.class.getName());

    @Inject
    Sockets sockets;
    private Feed feed;

    @OnOpen
    public void open(Session session) throws IOException {
        if (session.getUserPrincipal() instanceof SocketPrincipal principal) {
            feed = sockets.open(session, principal);
        } else {
            // Only a handshake that passed the filter carries the principal; anything else is not ours to serve.
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not authenticated"));
        }
    }

    @OnMessage
    public void text(String ignored) {
        // Nothing a client sends changes what it gets.
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
