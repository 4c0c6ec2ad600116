package care.messaging.directory.rest;

import care.messaging.audit.control.Csv;
import care.messaging.audit.entity.ExportedEvent;
import care.messaging.audit.entity.Verification;
import care.messaging.directory.boundary.AuditReviews;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail for its reviewers (practice admins, hospital IT): verify its chains, export its events. */
@Path("admin/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditReviewsResource {

    static final String CSV = "text/csv";

    @Inject
    AuditReviews audit;
    @Context
    SecurityContext security;
    @Context
    HttpHeaders headers;

    @GET
    @Path("verification")
    @Operation(summary = "Verify the audit chain of the caller's practice: ok and rows checked, or the first broken link")
    public Verification verification() {
        return audit.verify(Identities.of(security));
    }

    @GET
    @Path("events")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Export audit events in [from, to) (ISO-8601, at most 366 days), of an account or a client if given; "
            + "JSON, or CSV with format=csv or Accept: text/csv")
    public Response events(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("accountId") String accountId, @QueryParam("clientId") String clientId,
                           @QueryParam("format") String format) {
        var csv = wantsCsv(format);
        var events = audit.export(Identities.of(security), from, to, accountId, clientId).stream()
                .map(ExportedEvent::of).toList();
        if (csv) {
            return Response.ok(Csv.of(events), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"").build();
        }
        return Response.ok(new GenericEntity<List<ExportedEvent>>(events) { }, MediaType.APPLICATION_JSON).build();
    }

    boolean wantsCsv(String format) {
        if (format == null || format.isEmpty()) {
            var preferred = headers.getAcceptableMediaTypes();
            return !preferred.isEmpty() && !preferred.get(0).isWildcardType()
                    && preferred.get(0).isCompatible(MediaType.valueOf(CSV));
        }
        return switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new DomainException(ProblemType.INVALID_FORMAT, "format must be json or csv");
        };
    }
}
