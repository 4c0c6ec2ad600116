package care.messaging.attachment.rest;

import care.messaging.attachment.boundary.Attachments;
import care.messaging.attachment.entity.AttachmentView;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Files before they are sent with a message. An upload is the file's raw bytes as the body, of any declared
 * type (the type is decided from the content), with its name in {@code Content-Disposition} (never in the
 * URL: names are PHI); it is exempt from the API's 256 KB body limit and enforces its own as it reads.
 * A download carries headers that keep a browser from running or showing it in the app's origin.
 */
@Path("attachments")
@RequestScoped
public class AttachmentsResource {

    /** The headers every download carries, whatever the file is (docs/security.md). */
    static final String SANDBOX = "sandbox";
    /** The images the apps show themselves (thumbnails): only these may be served inline, whatever is asked. */
    static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    @Inject
    Attachments attachments;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload one file (raw bytes, name in Content-Disposition: attachment; filename*=UTF-8''…); 201 with id, name, type, size, state")
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_DISPOSITION) String disposition, @Context HttpHeaders headers,
                           InputStream body) {
        var name = ContentDisposition.fileName(disposition);
        AttachmentView file = attachments.upload(Identities.of(security), name, headers.getLength(), body);
        return Response.created(URI.create("attachments/" + file.id())).entity(file).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Download a clean file: one's own upload, or one sent in a conversation one may read; its bytes, as an "
            + "attachment, or inline for PNG, JPEG, GIF and WebP with ?disposition=inline (409 while it is still being scanned)")
    public Response download(@PathParam("id") String id, @QueryParam("disposition") String disposition) {
        var download = attachments.download(Identities.of(security), id);
        var inline = "inline".equals(disposition) && INLINE.contains(download.file().type());
        StreamingOutput bytes = out -> {
            try (var in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(bytes, download.file().type())
                .header(HttpHeaders.CONTENT_DISPOSITION, inline ? ContentDisposition.inline(download.file().name())
                        : ContentDisposition.attachment(download.file().name()))
                .header(HttpHeaders.CONTENT_LENGTH, download.file().size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
