package care.messaging.attachment.rest;

import care.messaging.attachment.boundary.Attachments;
import care.messaging.attachment.control.ContentTypes;
import care.messaging.platform.rest.AppSettingsResource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The attachment component's part of the apps' settings (what a composer may attach), handed to the platform's
 * {@link AppSettingsResource} by name, so the platform does not depend on this component.
 */
@Dependent
public class UploadSettings {

    /** What a composer may attach: the size of one file, files per message, the types (the pickers offer them, the reasons name them). */
    public record Uploads(long maxBytes, int perMessage, List<String> types) {
    }

    @Inject
    @ConfigProperty(name = "messaging.attachments.max-bytes", defaultValue = "" + Attachments.DEFAULT_MAX_BYTES)
    long maxBytes;
    /** The same key and default as MessageFiles, which refuses a send with more (too-many-attachments). */
    @Inject
    @ConfigProperty(name = "messaging.attachments.per-message", defaultValue = "10")
    int perMessage;
    @Inject
    ContentTypes contentTypes;

    @Produces
    @Named(AppSettingsResource.UPLOADS)
    Object uploads() {
        return new Uploads(maxBytes, perMessage, contentTypes.allowed());
    }
}
