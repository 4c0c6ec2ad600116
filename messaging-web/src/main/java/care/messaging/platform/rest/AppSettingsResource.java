package care.messaging.platform.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * What the browser apps need to know before anyone signs in: whether the dev login's picker exists, where
 * they sign in otherwise (the identity provider's issuer, their client ids, the scope), and the automatic
 * log-off that IT configures, and what may be attached (size, types). Nothing here is about a person, so it needs no token.
 */
@Path("app/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppSettingsResource {

    public static final String DEV_LOGIN_OFFERED = "devLoginOffered";
    /** Produced by the attachment component (attachment.rest.UploadSettings), so this one does not depend on it. */
    public static final String UPLOADS = "attachmentUploads";

    /** {@code signIn} is absent where no identity provider is configured for the apps. */
    public record AppSettings(boolean devLogin, int idleMinutes, int idleWarningSeconds, IdentityProvider.SignIn signIn,
                              Object attachments) {
    }

    /** Produced only by the dev login's package, which the EAR does not hold: there it is never offered. */
    @Inject
    @Named(DEV_LOGIN_OFFERED)
    Instance<Boolean> devLogin;
    @Inject
    @ConfigProperty(name = "messaging.ui.idle-minutes", defaultValue = "15")
    int idleMinutes;
    @Inject
    @ConfigProperty(name = "messaging.ui.idle-warning-seconds", defaultValue = "60")
    int idleWarningSeconds;

    @Inject
    @Named(UPLOADS)
    Instance<Object> uploads;

    @GET
    @SecurityRequirements
    @Operation(summary = "Settings of the browser apps: dev login present, the identity provider they sign in at "
            + "(issuer, client ids, scope), idle minutes before automatic log-off, warning seconds before it, "
            + "the attachments' size limit, files per message and allowed types")
    public AppSettings settings() {
        return new AppSettings(devLogin.isResolvable() && devLogin.get(), Math.max(1, idleMinutes), Math.max(5, idleWarningSeconds),
                IdentityProvider.current().signIn().orElse(null), uploads.isResolvable() ? uploads.get() : null);
    }
}
