package care.messaging.conversation.rest;

import care.messaging.conversation.boundary.MessageDeletions;
import care.messaging.conversation.entity.MessageView;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One message of a conversation. Apps ask the user to confirm before they delete. */
@Path("conversations/{id}/messages/{messageId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @Inject
    MessageDeletions deletions;
    @Context
    SecurityContext security;

    @DELETE
    @Operation(summary = "Delete your own message: its text is erased, it stays in place as deleted; again answers the same")
    public MessageView delete(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        return deletions.delete(Identities.of(security), id, messageId);
    }
}
