package care.messaging.absence.rest;

import care.messaging.absence.boundary.AwayStatus;
import care.messaging.absence.entity.AwayView;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Whether a practitioner of the caller's practice is away now, and until when. */
@Path("practitioners/{id}/away")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AwayResource {

    @Inject
    AwayStatus status;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Anyone of the practice: whether the practitioner is away now (out-of-office), and until when (null: open end)")
    public AwayView away(@PathParam("id") String id) {
        return status.of(Identities.of(security), id);
    }
}
