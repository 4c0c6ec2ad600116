package care.messaging.delivery.rest;

import care.messaging.delivery.boundary.Realtime;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Trades the caller's bearer token for a one-time ticket that opens the WebSocket (/ws?ticket=…). */
@Path("realtime/tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RealtimeTicketsResource {

    @Inject
    Realtime realtime;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "A one-time ticket for GET /ws?ticket=…&after=…: valid 30 s (never past the token's exp), "
            + "single use; the socket closes with 4401 when the token that asked for it expires")
    public Response issue() {
        var ticket = realtime.ticket(Identities.of(security), Identities.expiresAt(security));
        return Response.status(Response.Status.CREATED).entity(ticket).build();
    }
}
