package care.messaging.conversation.rest;

import care.messaging.conversation.boundary.ConversationStates;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's Archive folder: POST puts a conversation in it, DELETE takes it back to the inbox. */
@Path("conversations/{id}/archive")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    @Inject
    ConversationStates states;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Archive the conversation for the caller (until they unarchive it, send in it, or the other side writes)")
    public ConversationSummary archive(@PathParam("id") String id) {
        return states.archive(Identities.of(security), id);
    }

    @DELETE
    @Operation(summary = "Move the conversation back to the caller's inbox")
    public ConversationSummary unarchive(@PathParam("id") String id) {
        return states.unarchive(Identities.of(security), id);
    }
}
