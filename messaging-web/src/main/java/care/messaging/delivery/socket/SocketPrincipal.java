package care.messaging.delivery.socket;

import care.messaging.delivery.entity.Admission;
import java.security.Principal;

/**
 * What the handshake filter established, handed to the endpoint as the upgraded request's principal (Tyrus
 * passes the servlet request's principal on to the session): the socket's admission and the cursor the
 * client asked to continue after. A client cannot forge it: it exists only on the server.
 */
record SocketPrincipal(Admission admission, long after) implements Principal {

    @Override
    public String getName() {
        return admission.account().toString();
    }
}
