package care.messaging.platform.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * What the web layer knows about the current request and the business components need for the audit
 * trail: its id and the client's address. The WAR's filter fills it in before anything else runs; work
 * that no request started (a timer) finds it empty and gets a fresh id and no address.
 */
@RequestScoped
public class RequestContext {

    private String requestId;
    private String sourceAddress;
    private boolean started;

    /** Called once per request, by the first filter that sees it; later calls change nothing. */
    public void start(String requestId, String sourceAddress) {
        if (!started) {
            this.requestId = requestId;
            this.sourceAddress = sourceAddress;
            started = true;
        }
    }

    public boolean isStarted() {
        return started;
    }

    public String requestId() {
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        return requestId;
    }

    public String sourceAddress() {
        return sourceAddress;
    }
}
