package care.messaging.invitation.rest;

import care.messaging.invitation.boundary.Invitations;
import care.messaging.invitation.entity.Redemption;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A first sign-in without a code: the app calls this when {@code GET /api/me} said unknown-account, so the hot path
 * (a known subject) costs nothing more.
 */
@Path("me/binding")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignInBindingResource {

    @Inject
    Invitations invitations;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Bind the caller's provider subject to the one prepared account their verified e-mail or mapped claim names "
            + "(200 with the account id and app); none or several: 401 unknown-account")
    public Redemption bind() {
        return invitations.bindOnFirstSignIn(Identities.of(security));
    }
}
