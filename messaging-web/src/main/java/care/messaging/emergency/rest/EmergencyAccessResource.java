package care.messaging.emergency.rest;

import care.messaging.emergency.boundary.EmergencyAccesses;
import care.messaging.emergency.entity.EmergencyAccessView;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Emergency access ("break-glass") for practice admins, and its visibility for the conversation's
 * practitioner. While a grant is active, the admin reads the conversation through the usual
 * GET /conversations/{id}/messages; every such read is audited as emergency access.
 */
@Path("conversations/{id}/emergency-access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmergencyAccessResource {

    public record GrantRequest(String reason) {
    }

    @Inject
    EmergencyAccesses emergencyAccesses;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Admin: open a conversation of your practice for one hour, giving a reason (201)")
    public Response grant(@PathParam("id") String id, GrantRequest body) {
        var grant = emergencyAccesses.grant(Identities.of(security), id, Params.required(body).reason());
        return Response.status(Response.Status.CREATED).entity(grant).build();
    }

    @GET
    @Operation(summary = "Every emergency access to the conversation: who, when, until when and why")
    public List<EmergencyAccessView> list(@PathParam("id") String id) {
        return emergencyAccesses.list(Identities.of(security), id);
    }
}
