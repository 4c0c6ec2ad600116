package care.messaging.absence.rest;

import care.messaging.absence.boundary.OutOfOffice;
import care.messaging.absence.entity.AbsenceRequest;
import care.messaging.absence.entity.AbsenceView;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** The calling practitioner's out-of-office periods. */
@Path("me/out-of-office")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutOfOfficeResource {

    @Inject
    OutOfOffice outOfOffice;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Practitioner: your out-of-office periods that are not over, earliest first")
    public List<AbsenceView> list() {
        return outOfOffice.mine(Identities.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Practitioner: plan an out-of-office period (201): local startsAt/endsAt in timeZone, the reply's html")
    public Response plan(AbsenceRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(outOfOffice.plan(Identities.of(security), Params.required(body))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Practitioner: change one of your periods (also one an admin set for you)")
    public AbsenceView change(@PathParam("id") String id, AbsenceRequest body) {
        return outOfOffice.change(Identities.of(security), id, Params.required(body));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Practitioner: remove one of your periods")
    public Response remove(@PathParam("id") String id) {
        outOfOffice.remove(Identities.of(security), id);
        return Response.noContent().build();
    }
}
