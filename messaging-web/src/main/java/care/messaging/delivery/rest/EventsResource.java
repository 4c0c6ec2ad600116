package care.messaging.delivery.rest;

import care.messaging.delivery.boundary.Events;
import care.messaging.delivery.control.EventHub;
import care.messaging.delivery.entity.EventPage;
import care.messaging.delivery.socket.Sockets;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The caller's event stream over HTTP: the polling fallback of the WebSocket, the same events. With
 * {@code wait}, an empty answer is held until an event arrives or the wait is over (long poll).
 */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private static final System.Logger LOGGER = System.getLogger(EventsResource.class.getName());


    @Inject
    Events events;
    @Inject
    EventHub hub;
    /** Only times the periodic looks; the looks themselves run on the delivery threads (Payara's default runs every task on one thread). */
    @Resource
    ManagedScheduledExecutorService executor;
    @Inject
    Sockets sockets;
    @Inject
    HeldPolls held;
    @Context
    SecurityContext security;
    @Inject
    @ConfigProperty(name = "messaging.events.max-wait-seconds", defaultValue = "25")
    int maxWait;
    /** Waiting readers also look again this often, whatever the hints say: a missed hint costs at most this. */
    @Inject
    @ConfigProperty(name = "messaging.events.recheck-seconds", defaultValue = "5")
    long recheckSeconds;

    /** The caller's stream position now. */
    public record Position(long cursor) {
    }

    @GET
    @Path("cursor")
    @Operation(summary = "The caller's cursor now: ask this first, then load state, then follow the events after it")
    public Position position() {
        return new Position(events.position(Identities.of(security)));
    }

    @GET
    @Operation(summary = "Events after the cursor, in order; wait (seconds, at most 25) holds an empty answer until one arrives. "
            + "resync: the cursor is too old, reload state and continue from cursor")
    public void poll(@QueryParam("after") String after, @QueryParam("wait") String wait, @Suspended AsyncResponse response) {
        var identity = Identities.of(security);
        var cursor = Params.eventCursor(after);
        var seconds = waitSeconds(wait);
        var first = events.after(identity, cursor);
        if (!first.page().events().isEmpty() || first.page().resync() || seconds == 0) {
            response.resume(first.page());
            return;
        }
        new LongPoll(identity, cursor, response).start(first.account(), seconds);
    }

    /** One held request: woken by hints and by a periodic look, answered once. */
    final class LongPoll {

        private final Identity identity;
        private final long cursor;
        private final AsyncResponse response;
        private final AtomicBoolean answered = new AtomicBoolean();
        private EventHub.Subscription subscription;
        private ScheduledFuture<?> recheck;

        LongPoll(Identity identity, long cursor, AsyncResponse response) {
            this.identity = identity;
            this.cursor = cursor;
            this.response = response;
        }

        void start(java.util.UUID account, int seconds) {
            response.setTimeout(seconds, TimeUnit.SECONDS);
            response.setTimeoutHandler(r -> answer(new EventPage(List.of(), cursor, false)));
            held.held();
            subscription = hub.subscribe(account, () -> sockets.offer(this::look));
            recheck = executor.scheduleWithFixedDelay(() -> sockets.offer(this::look), recheckSeconds, recheckSeconds,
                    TimeUnit.SECONDS);
            look();
        }

        void look() {
            if (answered.get()) {
                return;
            }
            try {
                var page = events.after(identity, cursor).page();
                if (!page.events().isEmpty() || page.resync()) {
                    answer(page);
                }
            } catch (RuntimeException e) {
                // The database may be restarting: keep waiting; the next hint or look, or the timeout, answers.
                LOGGER.log(System.Logger.Level.DEBUG, "A held event poll could not look: {0}", e.getMessage());
            }
        }

        void answer(EventPage page) {
            if (answered.compareAndSet(false, true)) {
                held.answered();
                release();
                response.resume(page);
            }
        }

        void release() {
            if (subscription != null) {
                subscription.close();
            }
            if (recheck != null) {
                recheck.cancel(false);
            }
        }
    }

    int waitSeconds(String wait) {
        if (wait == null || wait.isEmpty()) {
            return 0;
        }
        try {
            var value = Integer.parseInt(wait);
            if (value >= 0) {
                return Math.min(value, maxWait);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DomainException(ProblemType.INVALID_WAIT, "wait must be a number of seconds (0 or more)");
    }
}
