package care.messaging.system;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Brings up the EAR on Payara Server once per test run and hands test classes an {@link Api} for it, the
 * {@link SeededPeople} to make rows of their own, and the domain's {@link ServerLog}; a class about the
 * domain itself (SetupRerunIT re-runs setup.sh on it) gets the {@link Deployment}.
 * The deployment lives in the root store, which closes it after the last test class, whatever the
 * tests did; classes that look behind the API get its database as {@link Sql}. A failed start is kept
 * too, so the classes after the first fail at once instead of each trying again. {@link KeycloakDomain} is the
 * same for the run's second domain.
 */
public class PayaraServer implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PayaraServer.class);
    /** Done once this domain's start has ended, well or not: the Keycloak domain's start waits for it (KeycloakDomain). */
    static final CompletableFuture<Void> STARTED = new CompletableFuture<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        deployment(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        return type == Api.class || type == SeededPeople.class || type == ServerLog.class || type == Sql.class
                || type == TestDatabase.class || type == Deployment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        var deployment = deployment(context);
        if (type == Sql.class) {
            return deployment.sql();
        }
        if (type == Deployment.class) {
            return deployment;
        }
        if (type == TestDatabase.class) {
            return deployment.database();
        }
        return type == Api.class ? deployment.api() : type == SeededPeople.class ? deployment.people() : deployment.serverLog();
    }

    /** The running deployment, started at the first class that asks. */
    Deployment deployment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Deployment.class, type -> started(Deployment.start(Deployment.Profile.STAND_IN)), Deployment.class)
                .running();
    }

    private static Deployment started(Deployment deployment) {
        STARTED.complete(null);
        return deployment;
    }
}
