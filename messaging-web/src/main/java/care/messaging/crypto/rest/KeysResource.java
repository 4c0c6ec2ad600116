package care.messaging.crypto.rest;

import care.messaging.crypto.boundary.KeyManagement;
import care.messaging.crypto.entity.KeyStatus;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Key rotation for hospital IT (role operator); config/admin/messaging-admin.sh calls these. */
@Path("admin/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    KeyManagement keys;
    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The data keys, the primary, and how many stored values each key still protects")
    public KeyStatus status() {
        return keys.status(Identities.of(security));
    }

    @POST
    @Path("rotation")
    @Operation(summary = "Add a new primary key; new writes use it at once and stored values are re-encrypted in the background")
    public KeyStatus rotate() {
        return keys.rotate(Identities.of(security));
    }

    @DELETE
    @Path("{keyId}")
    @Operation(summary = "Retire a key that is not the primary and that no stored value uses any more")
    public KeyStatus retire(@PathParam("keyId") String keyId) {
        return keys.retire(Identities.of(security), parse(keyId));
    }

    static int parse(String keyId) {
        try {
            return Integer.parseInt(keyId);
        } catch (NumberFormatException e) {
            throw care.messaging.platform.entity.DomainException.notFound();
        }
    }
}
