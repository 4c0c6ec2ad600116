package care.messaging.settings.rest;

import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.settings.boundary.MessagingSetup;
import care.messaging.settings.entity.PractitionerName;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A practitioner's own name for messaging (an admin's way is in PractitionerSettingsResource). */
@Path("me/messaging-name")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagingNameResource {

    /** null or blank: send under the directory name again. */
    public record Rename(String displayName) {
    }

    @Inject
    MessagingSetup setup;
    @Context
    SecurityContext security;

    @PUT
    @Operation(summary = "Practitioner: set the name your messages are sent under from now on (null or blank: your directory name)")
    public PractitionerName put(Rename body) {
        return setup.renameMe(Identities.of(security), Params.required(body).displayName());
    }
}
