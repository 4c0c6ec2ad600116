package care.messaging.announcement.rest;

import care.messaging.announcement.boundary.Announcements;
import care.messaging.announcement.entity.AnnouncementPreview;
import care.messaging.announcement.entity.AnnouncementRequest;
import care.messaging.announcement.entity.AnnouncementView;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    @Inject
    Announcements announcements;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Send an announcement (201; the same announcementId again answers 200 with where it stands): to chosen "
            + "clients or to every client you have a thread with (audience my-clients), now or at sendAt in timeZone; each "
            + "gets it in their thread with you, blocked clients too; clients whose messaging is off or who were discharged "
            + "are skipped. Delivered in batches in the background: state running, then done (announcement.progress events)")
    public Response send(AnnouncementRequest body) {
        var outcome = announcements.send(Identities.of(security), Params.required(body));
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK).entity(outcome.value()).build();
    }

    @POST
    @Path("preview")
    @Operation(summary = "How many of an audience (audience, clientIds: as for a send, with the same problems) an announcement "
            + "sent now would reach, and how many would be skipped and why: {total, receive, skipped: {messaging-disabled, "
            + "client-discharged, messaging-off}}; blocked clients count as receiving. Nothing is written")
    public AnnouncementPreview preview(AnnouncementRequest body) {
        return announcements.preview(Identities.of(security), Params.required(body));
    }

    @GET
    @Operation(summary = "Your latest 50 announcements, newest first (scheduled ones too), with state, counts and recipients")
    public List<AnnouncementView> sent() {
        return announcements.sent(Identities.of(security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your announcements: state, counts, and the first 500 recipients decided so far")
    public AnnouncementView one(@PathParam("id") String id) {
        return announcements.one(Identities.of(security), id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a scheduled announcement's text and start (html, sendAt, timeZone); 409 once it has started")
    public AnnouncementView edit(@PathParam("id") String id, AnnouncementRequest body) {
        return announcements.edit(Identities.of(security), id, Params.required(body));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a scheduled or running announcement: what was delivered stays, nobody else gets it; 409 when it is over")
    public AnnouncementView cancel(@PathParam("id") String id) {
        return announcements.cancel(Identities.of(security), id);
    }
}
