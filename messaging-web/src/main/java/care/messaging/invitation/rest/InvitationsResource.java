package care.messaging.invitation.rest;

import care.messaging.invitation.boundary.Invitations;
import care.messaging.invitation.entity.InvitationView;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An account's invitation, for the practice's admins: make one (or a new one), look at it, withdraw it. */
@Path("admin/accounts/{accountId}/invitation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @Inject
    Invitations invitations;
    @Context
    SecurityContext security;
    @PathParam("accountId")
    String accountId;

    @POST
    @Operation(summary = "Admin: invite an account that has not signed up (201 with the single-use code, shown this once); "
            + "an open invitation of the account is revoked")
    public Response invite() {
        return Response.status(Response.Status.CREATED).entity(invitations.invite(Identities.of(security), accountId)).build();
    }

    @GET
    @Operation(summary = "Admin: the account's open invitation (never its code), 404 when it has none")
    public InvitationView current() {
        return invitations.current(Identities.of(security), accountId);
    }

    @DELETE
    @Operation(summary = "Admin: withdraw the account's open invitation (204); its link no longer works")
    public void revoke() {
        invitations.revoke(Identities.of(security), accountId);
    }
}
