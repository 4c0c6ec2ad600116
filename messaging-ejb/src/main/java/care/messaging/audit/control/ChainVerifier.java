package care.messaging.audit.control;

import care.messaging.audit.entity.ChainCheck;
import care.messaging.audit.entity.ChainsVerified;
import care.messaging.audit.entity.Verification;
import care.messaging.platform.control.AuditKey;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Verifies chains as stored. The head is read first and only rows up to it are walked, so appends that
 * commit meanwhile never look like tampering; a row past the head is looked for last, in one statement
 * with the head it is compared with.
 */
@Dependent
public class ChainVerifier {

    static final int BATCH = 1000;

    @Inject
    AuditRows rows;
    @Inject
    @AuditKey
    Provider<SecretKey> key;

    @Inject
    Event<ChainsVerified> verified;
    @Inject
    Clock clock;

    public Verification verify(List<UUID> chains) {
        var verification = Verification.of(chains.stream().map(this::check).toList());
        verified.fire(new ChainsVerified(verification.ok(), chains.size(), clock.instant()));
        return verification;
    }

    ChainCheck check(UUID chain) {
        var check = new ChainCheck(chain, key.get());
        var head = rows.head(chain);
        var after = 0L;
        var intact = true;
        while (intact) {
            var page = rows.page(chain, after, head.lastNo(), BATCH);
            for (var row : page) {
                intact = intact && check.accept(row);
            }
            if (page.size() < BATCH) {
                break;
            }
            after = page.get(page.size() - 1).no();
        }
        check.head(head.lastNo(), head.lastHash());
        rows.firstBeyondHead(chain).ifPresent(check::beyondHead);
        return check;
    }
}
