package care.messaging.conversation.rest;

import care.messaging.conversation.boundary.ColleagueConversations;
import care.messaging.conversation.boundary.Conversations;
import care.messaging.conversation.boundary.PortalConversations;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.MessageView;
import care.messaging.conversation.entity.Page;
import care.messaging.conversation.entity.ReadState;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.ProblemType;
import care.messaging.directory.entity.Role;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    /**
     * A practitioner names the client, or a colleague (practitionerId); a portal account names the
     * practitioner (and the client if it acts for several).
     */
    public record StartConversation(String clientId, String practitionerId) {

        /**
         * Whom the caller writes to: a practitioner names a client with clientId alone, a colleague with
         * practitionerId alone; a client or guardian names a practitioner (and, a guardian, the client). A
         * practitioner naming both is a portal start, which refuses practitioners (403 wrong-role).
         */
        Counterpart counterpart(Identity caller) {
            if (practitionerId == null) {
                return Counterpart.CLIENT;
            }
            if (clientId == null && practitioner(caller)) {
                return Counterpart.COLLEAGUE;
            }
            return Counterpart.PRACTITIONER;
        }
    }

    enum Counterpart { CLIENT, COLLEAGUE, PRACTITIONER }

    /** {@code attachments}: ids of the sender's own clean, unsent uploads (optional); with one, html may be empty. */
    public record PostMessage(String clientMessageId, String html, List<String> attachments) {
    }

    public record MarkRead(Long seq) {
    }

    @Inject
    Conversations conversations;
    @Inject
    PortalConversations portal;
    @Inject
    ColleagueConversations colleagues;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The caller's conversations in one folder (inbox, the default, or archive), most recent activity first, paged by cursor")
    public Page<ConversationSummary> list(@QueryParam("folder") String folder, @QueryParam("cursor") String cursor,
                                          @QueryParam("limit") String limit) {
        return conversations.list(Identities.of(security), folder, cursor, Params.integer("limit", ProblemType.INVALID_LIMIT, limit));
    }

    @POST
    @Operation(summary = "Start the conversation (201), or return the existing one (200): a practitioner with a client "
            + "{clientId} or with a colleague of their practice {practitionerId}; a client or guardian with a practitioner {practitionerId[, clientId]}")
    public Response start(StartConversation body) {
        var start = Params.required(body);
        var identity = Identities.of(security);
        var outcome = switch (start.counterpart(identity)) {
            case CLIENT -> conversations.start(identity, start.clientId());
            case COLLEAGUE -> colleagues.start(identity, start.practitionerId());
            case PRACTITIONER -> portal.start(identity, start.practitionerId(), start.clientId());
        };
        var location = uri.getAbsolutePathBuilder().path(outcome.value().id().toString()).path("messages").build();
        return (outcome.created() ? Response.created(location) : Response.ok().location(location))
                .entity(outcome.value()).build();
    }

    static boolean practitioner(Identity identity) {
        return identity.groups() != null && identity.groups().contains(Role.PRACTITIONER.claim());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One conversation as the list shows it (counterpart, unread count, sending)")
    public ConversationSummary one(@PathParam("id") String id) {
        return conversations.summary(Identities.of(security), id);
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "A page of messages, newest first; before is an exclusive seq")
    public List<MessageView> messages(@PathParam("id") String id, @QueryParam("before") String before,
                                      @QueryParam("limit") String limit) {
        return conversations.messages(Identities.of(security), id, Params.positiveLong("before", ProblemType.INVALID_BEFORE, before),
                Params.integer("limit", ProblemType.INVALID_LIMIT, limit));
    }

    @POST
    @Path("{id}/messages")
    @Operation(summary = "Send a message {clientMessageId, html, attachments?: [upload ids]}: 201 after commit; the same clientMessageId again answers 200 with the original")
    public Response post(@PathParam("id") String id, PostMessage body) {
        var message = Params.required(body);
        var outcome = conversations.post(Identities.of(security), id, message.clientMessageId(), message.html(),
                message.attachments() == null ? List.of() : message.attachments());
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(outcome.value()).build();
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Move the caller's read marker forward to seq (never back)")
    public ReadState read(@PathParam("id") String id, MarkRead body) {
        return conversations.markRead(Identities.of(security), id, Params.required(body).seq());
    }
}
