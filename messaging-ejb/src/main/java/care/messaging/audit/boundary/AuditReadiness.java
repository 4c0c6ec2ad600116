package care.messaging.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the audit trail's chain heads can be read: every audited action appends to a chain under its head's
 * lock, so a node that cannot reach them could not record, and so could not serve, anything. Says how many chains
 * there are (a count, nothing of their content).
 */
@Readiness
@ApplicationScoped
public class AuditReadiness implements HealthCheck {

    static final String NAME = "audit-chain";

    @Resource(lookup = "jdbc/messaging")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (var rows = statement.executeQuery("SELECT count(*) FROM audit_head")) {
                rows.next();
                return HealthCheckResponse.named(NAME).up().withData("chains", rows.getLong(1)).build();
            }
        } catch (SQLException e) {
            return HealthCheckResponse.named(NAME).down().build();
        }
    }
}
