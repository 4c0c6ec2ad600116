package care.messaging.directory.control;

import care.messaging.directory.entity.Account;
import care.messaging.platform.control.ActorOfSubject;
import care.messaging.platform.entity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whose account a token's subject names, for the audit trail, which records refusals for every component
 * but may depend on none: it injects this lookup by its platform qualifier. Enabled or not, whatever role
 * the token claims: a refusal is attributed to the account that was refused.
 */
@ApplicationScoped
public class Actors {

    @PersistenceContext
    EntityManager em;

    @Produces
    @ActorOfSubject
    Function<String, Optional<Actor>> ofSubject() {
        return this::ofSubject;
    }

    Optional<Actor> ofSubject(String subject) {
        return em.createNamedQuery(Account.BY_SUBJECT, Account.class).setParameter("subject", subject)
                .getResultStream().findFirst().map(Account::actor);
    }
}
