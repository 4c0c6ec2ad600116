package care.messaging.directory.rest;

import care.messaging.directory.boundary.ClientSearch;
import care.messaging.directory.entity.ClientMatch;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Finding clients by name. A POST, so the name (PHI) travels in the body and never in a URL, where access
 * logs, proxies and browser history would keep it; it is a query nonetheless: it changes nothing.
 */
@Path("clients/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientSearchResource {

    public record Search(String query, Integer limit) {
    }

    @Inject
    ClientSearch search;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Practitioners and admins: the practice's clients in care whose name (or a guardian's) contains query")
    public List<ClientMatch> search(Search body) {
        var search = Params.required(body);
        return this.search.search(Identities.of(security), search.query(), search.limit());
    }
}
