package care.messaging.settings.rest;

import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.settings.boundary.ClientPreferences;
import care.messaging.settings.entity.ClientPreferencesView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A client's preferences, for their practitioners (in conversation with them) and the practice's admins. */
@Path("clients/{id}/preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientPreferencesResource {

    public record UpdatePreferences(Boolean messagingEnabled) {
    }

    @Inject
    ClientPreferences preferences;
    @Context
    SecurityContext security;
    @PathParam("id")
    String clientId;

    @GET
    @Operation(summary = "A client's preferences: messagingEnabled")
    public ClientPreferencesView get() {
        return preferences.read(Identities.of(security), clientId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch messaging on or off for a client (off: their threads are locked for both sides; history stays readable)")
    public ClientPreferencesView put(UpdatePreferences body) {
        return preferences.update(Identities.of(security), clientId, Params.required(body).messagingEnabled());
    }
}
