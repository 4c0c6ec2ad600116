package care.messaging.draft.rest;

import care.messaging.draft.boundary.Drafts;
import care.messaging.draft.entity.DraftView;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's draft of a conversation, kept on the server so that any of their devices restores it. */
@Path("conversations/{id}/draft")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DraftResource {

    public record SaveDraft(String html, String clientMessageId) {
    }

    @Inject
    Drafts drafts;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The caller's draft: html, clientMessageId, updatedAt (all null when there is none)")
    public DraftView read(@PathParam("id") String id) {
        return drafts.read(Identities.of(security), id);
    }

    @PUT
    @Operation(summary = "Save the caller's draft (sanitized like a message; empty removes it); answers the draft as stored")
    public DraftView save(@PathParam("id") String id, SaveDraft body) {
        var draft = Params.required(body);
        return drafts.save(Identities.of(security), id, draft.html(), draft.clientMessageId());
    }

    @DELETE
    @Operation(summary = "Discard the caller's draft (204, also when there was none)")
    public Response discard(@PathParam("id") String id) {
        drafts.discard(Identities.of(security), id);
        return Response.noContent().build();
    }
}
