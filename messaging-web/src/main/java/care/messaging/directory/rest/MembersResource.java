package care.messaging.directory.rest;

import care.messaging.directory.boundary.Members;
import care.messaging.directory.entity.MemberView;
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

/** The practice's practitioners and admins, for its admins: list, add, switch off and on again. */
@Path("admin/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    Members members;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Admin: the practice's practitioners and admins by name, whether each has signed up and is switched on")
    public List<MemberView> list() {
        return members.list(Identities.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: add a practitioner or admin (201); they sign in once invited "
            + "(POST /api/admin/accounts/{id}/invitation) or by the claim IT maps to their externalId")
    public Response add(Members.NewMember body) {
        return Response.status(Response.Status.CREATED).entity(members.add(Identities.of(security), Params.required(body))).build();
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Admin: switch a member off: their tokens are refused from their next request (409 for yourself)")
    public MemberView disable(@PathParam("id") String id) {
        return members.disable(Identities.of(security), id);
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Admin: switch a member on again")
    public MemberView enable(@PathParam("id") String id) {
        return members.enable(Identities.of(security), id);
    }
}
