package care.messaging.settings.rest;

import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.settings.boundary.BlockLists;
import care.messaging.settings.boundary.MessagingSetup;
import care.messaging.settings.entity.BlockView;
import care.messaging.settings.entity.PractitionerName;
import care.messaging.settings.rest.MessagingNameResource.Rename;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An admin keeps a practitioner's messaging settings: their messaging name and their block list. */
@Path("admin/practitioners/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PractitionerSettingsResource {

    @Inject
    MessagingSetup setup;
    @Inject
    BlockLists blocks;
    @Context
    SecurityContext security;
    @PathParam("id")
    String practitionerId;

    @PUT
    @Path("messaging-name")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: set a practitioner's messaging name (null or blank: their directory name)")
    public PractitionerName rename(Rename body) {
        return setup.rename(Identities.of(security), practitionerId, Params.required(body).displayName());
    }

    @GET
    @Path("blocks")
    @Operation(summary = "Admin: the practitioner's block list")
    public List<BlockView> blocks() {
        return blocks.list(Identities.of(security), practitionerId);
    }

    @PUT
    @Path("blocks/{clientId}")
    @Operation(summary = "Admin: put a client on the practitioner's block list (idempotent)")
    public BlockView block(@PathParam("clientId") String clientId) {
        return blocks.block(Identities.of(security), practitionerId, clientId);
    }

    @DELETE
    @Path("blocks/{clientId}")
    @Operation(summary = "Admin: take a client off the practitioner's block list (idempotent)")
    public Response unblock(@PathParam("clientId") String clientId) {
        blocks.unblock(Identities.of(security), practitionerId, clientId);
        return Response.noContent().build();
    }
}
