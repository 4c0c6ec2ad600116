package care.messaging.directory.rest;

import care.messaging.directory.boundary.Directory;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Directory directory;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Who the caller is: id, role, display name and practice")
    public Directory.Me me() {
        return directory.me(Identities.of(security));
    }
}
