package care.messaging.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment the system tests give config/payara-server/setup.sh: what hospital IT would export. */
final class SetupInputs {

    private SetupInputs() {
    }

    /** What hospital IT would export before running setup.sh. */
    static Map<String, String> of(TestDatabase database, TokenIssuer issuer, Path keystore, String keystorePassword) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("DB_HOST", database.host);
        environment.put("DB_PORT", String.valueOf(database.port));
        environment.put("DB_NAME", database.name);
        // The pool connects as the runtime role, which owns nothing: the owner migrated (migrateAsOwner).
        environment.put("DB_USER", database.app);
        environment.put("DB_PASSWORD", database.rolePassword);
        environment.put("MESSAGING_SCHEMA_MIGRATE", "false");
        // Event retention runs often here, so EventsIT sees a trimmed stream answer resync within seconds.
        var properties = new ArrayList<>(List.of("messaging.events.trim-interval-seconds=3", "messaging.audit.rejections.flush-seconds=2",
                "messaging.draft.rate.capacity=" + Deployment.DRAFT_RATE_CAPACITY, "messaging.draft.rate.per-minute=" + Deployment.DRAFT_RATE_PER_MINUTE));
        properties.addAll(issuer.properties());
        environment.put("MESSAGING_PROPERTIES", String.join(" ", properties));
        environment.put("POSTGRESQL_JAR", Path.of(Deployment.property("postgresql.jar", "target/postgresql.jar")).toAbsolutePath().toString());
        environment.put("MESSAGING_KEYS_KEYSTORE", keystore.toString());
        environment.put("MESSAGING_KEYS_PASSWORD", keystorePassword);
        environment.put("MESSAGING_JWT_ISSUER", issuer.issuer());
        environment.put("MESSAGING_JWT_AUDIENCE", issuer.audience());
        environment.put("MESSAGING_JWT_PUBLICKEY_LOCATION", issuer.publicKeyLocation());
        environment.put("MESSAGING_SEND_RATE_CAPACITY", String.valueOf(Deployment.SEND_RATE_CAPACITY));
        environment.put("MESSAGING_SEND_RATE_PER_MINUTE", String.valueOf(Deployment.SEND_RATE_PER_MINUTE));
        environment.put("MESSAGING_WS_ALLOWED_ORIGINS", Deployment.ALLOWED_ORIGIN);
        environment.put("MESSAGING_WS_PING_SECONDS", String.valueOf(Deployment.PING_SECONDS));
        environment.put("MESSAGING_PRESENCE_SWEEP_SECONDS", String.valueOf(Deployment.PRESENCE_SWEEP_SECONDS));
        environment.put("RESTART_IF_NEEDED", "true");
        return environment;
    }
}
