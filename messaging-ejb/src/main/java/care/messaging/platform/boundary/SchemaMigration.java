package care.messaging.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else starts. Flyway commits on its own, hence bean-managed
 * transactions; other start-up beans declare {@code @DependsOn("SchemaMigration")}.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final System.Logger LOGGER = System.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/messaging")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOGGER.log(System.Logger.Level.INFO, "Schema at version {0} ({1} migrations applied)",
                result.targetSchemaVersion, result.migrationsExecuted);
    }
}
