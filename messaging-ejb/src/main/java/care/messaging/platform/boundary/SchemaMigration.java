package care.messaging.platform.boundary;

import care.messaging.platform.control.Migrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Arrays;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the schema up to date before anything else starts. Flyway commits on its own, hence bean-managed
 * transactions; other start-up beans declare {@code @DependsOn("SchemaMigration")}.
 * <p>
 * Where IT runs the application as a role that does not own the tables (so that the audit table can be
 * left INSERT/SELECT only), {@code messaging.schema.migrate=false}: the schema owner migrates with
 * config/database/migrate.sh, and the application only checks that nothing is pending, refusing to start
 * otherwise.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final System.Logger LOGGER = System.getLogger(SchemaMigration.class.getName());
    /**
     * The refusal of this deployment, once made: when the first instance fails, the container may create another
     * for the next singleton that depends on it (one per timer bean, in Payara's order); that one refuses with the
     * same words without logging them again, so IT reads the one line once.
     */
    private static volatile String refused;

    @Resource(lookup = "jdbc/messaging")
    DataSource dataSource;
    @Inject
    @ConfigProperty(name = "messaging.schema.migrate", defaultValue = "true")
    boolean migrate;

    @PostConstruct
    void migrate() {
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
        var flyway = Migrations.of(dataSource);
        if (migrate) {
            var result = flyway.migrate();
            LOGGER.log(System.Logger.Level.INFO, "Schema at version {0} ({1} migrations applied)",
                    result.targetSchemaVersion, result.migrationsExecuted);
            return;
        }
        var info = flyway.info();
        var pending = info.pending();
        if (pending.length > 0) {
            var current = info.current() == null ? "empty" : "at version " + info.current().getVersion();
            var line = "Care Messaging cannot start: the database schema is " + current + " and migrations "
                    + Arrays.stream(pending).map(m -> m.getVersion().toString()).toList()
                    + " are pending; run config/database/migrate.sh as the schema owner (messaging.schema.migrate=false)";
            refused = line;
            LOGGER.log(System.Logger.Level.ERROR, line);
            throw new IllegalStateException(line);
        }
        LOGGER.log(System.Logger.Level.INFO, "Schema at version {0}, migrated by its owner", info.current().getVersion());
    }
}
