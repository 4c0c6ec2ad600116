package care.messaging.crypto.boundary;

import care.messaging.crypto.control.KeyRing;
import care.messaging.crypto.entity.KeysUnusable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the node holds usable keys and can read its keystore: a node that cannot read the keystore would miss
 * a rotation another node made and fail on what that node writes. The answer names the primary key's id and how many
 * data keys there are, never the keystore's path or anything of a key.
 */
@Readiness
@ApplicationScoped
public class KeysReadiness implements HealthCheck {

    static final String NAME = "keys";

    @Inject
    KeyRing keyRing;

    @Override
    public HealthCheckResponse call() {
        try {
            var keys = keyRing.keys();
            if (!Files.isReadable(keyRing.file().path())) { // gone, or no longer readable to this node
                return HealthCheckResponse.named(NAME).down().build();
            }
            return HealthCheckResponse.named(NAME).up().withData("primary", keys.primary()).withData("dataKeys", keys.ids().size()).build();
        } catch (KeysUnusable e) {
            return HealthCheckResponse.named(NAME).down().build();
        }
    }
}
