package care.messaging.invitation.rest;

import care.messaging.invitation.boundary.Invitations;
import care.messaging.invitation.entity.Redemption;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Redeeming an invitation with the provider's token of the person it was for. The code travels in the body,
 * never in a URL, so no access log holds it.
 */
@Path("invitations/redemption")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RedemptionsResource {

    public record Redeem(String code) {
    }

    @Inject
    Invitations invitations;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bind the token's subject to the invited account (single use); the person signs in as that account from now on")
    public Redemption redeem(Redeem body) {
        return invitations.redeem(Identities.of(security), Params.required(body).code());
    }
}
