package care.messaging.search.rest;

import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.Page;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.search.boundary.Search;
import care.messaging.search.entity.MessageHit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Search. POST with the terms in the body, never GET with a query string: search terms are PHI and must
 * not reach URLs, access logs or proxies.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchResource {

    public record MessageQuery(String q, String cursor, Integer limit) {
    }

    public record ConversationQuery(String q, Integer limit) {
    }

    @Inject
    Search search;
    @Context
    SecurityContext security;

    @POST
    @Path("messages")
    @Operation(summary = "Messages of the caller's conversations holding every word (or word beginning) of q, newest first, with snippets")
    public Page<MessageHit> messages(MessageQuery body) {
        var query = Params.required(body);
        return search.messages(Identities.of(security), query.q(), query.cursor(), query.limit());
    }

    @POST
    @Path("conversations")
    @Operation(summary = "The caller's conversations whose other side's name matches q, most recent activity first")
    public Page<ConversationSummary> conversations(ConversationQuery body) {
        var query = Params.required(body);
        return search.conversations(Identities.of(security), query.q(), query.limit());
    }
}
