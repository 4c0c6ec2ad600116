package care.messaging.audit.control;

import care.messaging.audit.entity.AuditEvent;
import care.messaging.audit.entity.ExportRange;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An export of the trail: the time range asked for, and the events of the given chains in it (of one
 * account, as actor or target, and of one client, if named) in chain order, bounded in days and rows.
 * Which chains, accounts and clients a reviewer may ask about is the caller's decision.
 */
@Dependent
public class AuditExports {

    @Inject
    AuditRows rows;
    @Inject
    @ConfigProperty(name = "audit.export.max-days", defaultValue = "366")
    int maxDays;
    @Inject
    @ConfigProperty(name = "audit.export.max-rows", defaultValue = "50000")
    int maxRows;

    public ExportRange range(String from, String to) {
        return ExportRange.parse(from, to, maxDays);
    }

    public List<AuditEvent> events(List<UUID> chains, ExportRange range, UUID accountId, UUID clientId) {
        var events = chains.stream()
                .flatMap(chain -> rows.between(chain, range.from(), range.to(), accountId, clientId, maxRows + 1).stream())
                .toList();
        if (events.size() > maxRows) {
            throw new DomainException(ProblemType.EXPORT_TOO_LARGE, "More than " + maxRows + " events: export a shorter range");
        }
        return events;
    }
}
