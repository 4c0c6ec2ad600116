package care.messaging.settings.rest;

import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import care.messaging.settings.boundary.MessagingSetup;
import care.messaging.settings.entity.PortalTextsView;
import care.messaging.settings.entity.PracticeMessagingView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The practice's messaging setup for its admins: the switch, the practitioners' messaging names, the portal's texts. */
@Path("admin/practice/messaging")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PracticeMessagingResource {

    public record SwitchMessaging(Boolean enabled) {
    }

    /** What the portal tells clients; null or blank: the default notice, no phone number. */
    public record TellClients(String notice, String phone) {
    }

    @Inject
    MessagingSetup setup;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Admin: whether messaging is on for the practice, and every practitioner's messaging name")
    public PracticeMessagingView get() {
        return setup.practice(Identities.of(security));
    }

    @PUT
    @Operation(summary = "Admin: switch messaging on or off for the whole practice (off: nobody can send; history stays readable)")
    public PracticeMessagingView put(SwitchMessaging body) {
        return setup.switchPractice(Identities.of(security), Params.required(body).enabled());
    }

    @PUT
    @Path("portal")
    @Operation(summary = "Admin: the notice the portal shows in its composer area, and the phone number clients are told to call when they may not write")
    public PortalTextsView putPortal(TellClients body) {
        var texts = Params.required(body);
        return setup.tellClients(Identities.of(security), texts.notice(), texts.phone());
    }
}
