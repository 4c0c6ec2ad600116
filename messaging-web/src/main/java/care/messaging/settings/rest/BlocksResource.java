package care.messaging.settings.rest;

import care.messaging.platform.rest.Identities;
import care.messaging.settings.boundary.BlockLists;
import care.messaging.settings.entity.BlockView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The calling practitioner's block list: clients who cannot write to them (they still read their thread). */
@Path("me/blocks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BlocksResource {

    @Inject
    BlockLists blocks;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Practitioner: your block list, by client name")
    public List<BlockView> list() {
        return blocks.list(Identities.of(security), null);
    }

    @PUT
    @Path("{clientId}")
    @Operation(summary = "Practitioner: block a client of the practice (idempotent); they can no longer write to you")
    public BlockView block(@PathParam("clientId") String clientId) {
        return blocks.block(Identities.of(security), null, clientId);
    }

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Practitioner: unblock a client (idempotent)")
    public Response unblock(@PathParam("clientId") String clientId) {
        blocks.unblock(Identities.of(security), null, clientId);
        return Response.noContent().build();
    }
}
