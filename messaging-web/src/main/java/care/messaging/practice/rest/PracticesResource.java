package care.messaging.practice.rest;

import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.practice.boundary.Practices;
import care.messaging.practice.entity.FoundedPractice;
import care.messaging.practice.entity.PracticeSummary;
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

/** Practices for hospital IT (role operator); config/admin/messaging-admin.sh calls these. */
@Path("operator/practices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PracticesResource {

    /** {@code admin}: the practice's first admin; {@code email} and {@code externalId} may be left out. */
    public record NewPractice(String name, NewAdmin admin) {
    }

    public record NewAdmin(String displayName, String email, String externalId) {
    }

    @Inject
    Practices practices;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Operator: every practice with its id, name, creation time and how many members and clients it has (no names of people)")
    public List<PracticeSummary> list() {
        return practices.list(Identities.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator: found a practice with its first admin (201 with the practice, the admin's account id and the "
            + "admin's invitation to the practitioner app, whose single-use code is shown this once)")
    public Response found(NewPractice body) {
        var identity = Identities.of(security);
        var request = Params.required(body);
        var admin = request.admin() == null ? new NewAdmin(null, null, null) : request.admin();
        FoundedPractice founded = practices.found(identity, request.name(), admin.displayName(), admin.email(), admin.externalId());
        return Response.status(Response.Status.CREATED).entity(founded).build();
    }

    @POST
    @Path("{practiceId}/invitation")
    @Operation(summary = "Operator: a new invitation for the practice's first admin while they have not signed up (201, the code shown "
            + "this once); the earlier one is revoked. 409 already-signed-up once they have")
    public Response reinvite(@PathParam("practiceId") String practiceId) {
        return Response.status(Response.Status.CREATED).entity(practices.reinvite(Identities.of(security), practiceId)).build();
    }
}
