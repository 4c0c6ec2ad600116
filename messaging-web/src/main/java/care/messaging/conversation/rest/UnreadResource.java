package care.messaging.conversation.rest;

import care.messaging.conversation.boundary.ConversationStates;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Mark as unread, for the caller only: POST /conversations/{id}/read clears it. */
@Path("conversations/{id}/unread")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnreadResource {

    @Inject
    ConversationStates states;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Mark the conversation unread for the caller: unreadCount is at least 1 until they read it again")
    public ConversationSummary markUnread(@PathParam("id") String id) {
        return states.markUnread(Identities.of(security), id);
    }
}
