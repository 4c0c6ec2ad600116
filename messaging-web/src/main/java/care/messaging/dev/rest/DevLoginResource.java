package care.messaging.dev.rest;

import care.messaging.dev.boundary.DevAccounts;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.rest.Params;
import care.messaging.platform.rest.AppSettingsResource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * Demo sign-in for the embedded default; answers 404 unless messaging.dev.login=true. Only the standalone
 * WAR packages it: in the EAR the path does not exist at all.
 */
@Path("dev")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevLoginResource {

    public record DevLogin(String username) {
    }

    public record DevToken(String token) {
    }

    @Inject
    @ConfigProperty(name = "messaging.dev.login", defaultValue = "false")
    boolean enabled;
    @Inject
    DevAccounts accounts;
    @Inject
    DevTokens tokens;

    /** Whether the apps offer the dev login's picker (their settings ask; outside this package it does not exist). */
    @jakarta.enterprise.inject.Produces
    @Named(AppSettingsResource.DEV_LOGIN_OFFERED)
    @Dependent
    Boolean offered() {
        return enabled;
    }

    @GET
    @Path("users")
    @SecurityRequirements
    @Operation(summary = "Dev only: the demo users the sign-in page offers (exists only when messaging.dev.login=true)")
    public List<DevAccounts.DemoUser> users() {
        if (!enabled) {
            throw DomainException.notFound();
        }
        return accounts.users();
    }

    @POST
    @Path("login")
    @SecurityRequirements
    @Operation(summary = "Dev only: a 15-minute token for a demo user (exists only when messaging.dev.login=true)")
    public DevToken login(DevLogin body) {
        if (!enabled) {
            throw DomainException.notFound();
        }
        var login = accounts.login(Params.required(body).username());
        return new DevToken(tokens.mint(login.subject(), login.role()));
    }
}
