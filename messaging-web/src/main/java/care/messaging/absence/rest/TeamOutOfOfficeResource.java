package care.messaging.absence.rest;

import care.messaging.absence.boundary.TeamOutOfOffice;
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

/** The practice's out-of-office periods, for its admins: one or several practitioners configured at once. */
@Path("admin/out-of-office")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TeamOutOfOfficeResource {

    @Inject
    TeamOutOfOffice team;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Admin: the team's current and planned out-of-office periods, earliest first")
    public List<AbsenceView> list() {
        return team.team(Identities.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: the same out-of-office period for the memberIds (201, one period each; all or none)")
    public Response plan(AbsenceRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(team.configure(Identities.of(security), Params.required(body))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: change a practitioner's period")
    public AbsenceView change(@PathParam("id") String id, AbsenceRequest body) {
        return team.change(Identities.of(security), id, Params.required(body));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Admin: remove a practitioner's period")
    public Response remove(@PathParam("id") String id) {
        team.remove(Identities.of(security), id);
        return Response.noContent().build();
    }
}
