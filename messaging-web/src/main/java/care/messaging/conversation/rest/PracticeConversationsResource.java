package care.messaging.conversation.rest;

import care.messaging.conversation.boundary.Conversations;
import care.messaging.conversation.entity.PracticeConversation;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What a practice admin may see of the practice's conversations without opening one. */
@Path("admin/conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PracticeConversationsResource {

    @Inject
    Conversations conversations;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Admin: the practice's conversations (who with whom, last activity; no content), optionally for one client")
    public List<PracticeConversation> practice(@QueryParam("clientId") String clientId) {
        return conversations.practiceConversations(Identities.of(security), clientId);
    }
}
