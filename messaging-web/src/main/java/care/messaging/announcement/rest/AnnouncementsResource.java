package care.messaging.announcement.rest;

import care.messaging.announcement.boundary.Announcements;
import care.messaging.announcement.entity.AnnouncementView;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A practitioner's announcements: one text to several clients, each copy a message in that client's thread. */
@Path("announcements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnouncementsResource {

    /** announcementId is chosen by the app (a UUID), like a message's clientMessageId. */
    public record SendAnnouncement(String announcementId, String html, List<String> clientIds) {
    }

    @Inject
    Announcements announcements;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Send an announcement to several clients (201; the same announcementId again answers 200 with the "
            + "original): each gets it in their thread with you, blocked clients too; clients whose messaging is off or "
            + "who were discharged are listed as skipped")
    public Response send(SendAnnouncement body) {
        var announcement = Params.required(body);
        var outcome = announcements.send(Identities.of(security), announcement.announcementId(), announcement.html(),
                announcement.clientIds());
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK).entity(outcome.value()).build();
    }

    @GET
    @Operation(summary = "Your latest 50 announcements, newest first, with what became of each recipient")
    public List<AnnouncementView> sent() {
        return announcements.sent(Identities.of(security));
    }
}
