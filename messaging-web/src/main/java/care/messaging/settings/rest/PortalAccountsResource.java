package care.messaging.settings.rest;

import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.settings.boundary.PortalAccounts;
import care.messaging.directory.entity.PortalAccountView;
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
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A client's portal accounts (their own, guardians') for the practice's admins, and their activation. */
@Path("admin/clients/{id}/portal-accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortalAccountsResource {

    public record Activate(String subject) {
    }

    @Inject
    PortalAccounts portalAccounts;
    @Context
    SecurityContext security;
    @PathParam("id")
    String clientId;

    @GET
    @Operation(summary = "Admin: the portal accounts acting for a client, and whether each has signed up")
    public List<PortalAccountView> list() {
        return portalAccounts.list(Identities.of(security), clientId);
    }

    @POST
    @Path("{accountId}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: link the identity provider's sub to a portal account that has not signed up; it sees every message that waited")
    public PortalAccountView activate(@PathParam("accountId") String accountId, Activate body) {
        return portalAccounts.activate(Identities.of(security), clientId, accountId, Params.required(body).subject());
    }
}
