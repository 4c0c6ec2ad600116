package care.messaging.directory.rest;

import care.messaging.directory.boundary.Practitioners;
import care.messaging.directory.boundary.Practitioners.PractitionerView;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("practitioners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PractitionersResource {

    @Inject
    Practitioners practitioners;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The practice's practitioners by messaging name: whom a client may write to")
    public List<PractitionerView> list() {
        return practitioners.list(Identities.of(security));
    }
}
