package care.messaging.system;

import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * A second domain of the run, configured for a real Keycloak the way a hospital configures the EAR for its
 * identity provider: the realm's JWKS URL, its issuer and audience, the realm roles mapped onto the
 * directory's, both apps' client ids. It has a database of its own without demo data (its test classes seed
 * the accounts the realm's users sign in to) and leaves the {@link PayaraServer} domain, whose tests forge
 * tokens with the stand-in's key, as it is.
 * <p>
 * Keycloak takes minutes to start here, so the domain and Keycloak are brought up in the background when the
 * test plan holds a class that uses them ({@link EarlyStart}, a JUnit Platform listener): once the stand-in's
 * domain has started, if the plan uses that one too (two start-ups at once on two cores only slow each other
 * down), so that the start overlaps the other classes' tests; those classes run first ({@link Last}), and a
 * class that needs this domain waits for its start. A run without such a class starts neither.
 */
public class KeycloakDomain extends PayaraServer {

    static final Deployment.Profile PROFILE = new Deployment.Profile("keycloak",
            ports -> KeycloakRealm.start("http://127.0.0.1:" + ports.httpPort()), false);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakDomain.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakRealm.class || super.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakRealm.class ? deployment(context).issuer()
                : super.resolveParameter(parameter, context);
    }

    @Override
    Deployment deployment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Deployment.class, type -> EarlyStart.take(), Deployment.class)
                .running();
    }

    /**
     * Starts the Keycloak domain when the test plan begins, if any class of the plan extends with {@link
     * KeycloakDomain}; registered in META-INF/services. The root store takes the deployment over (and closes it
     * after the last class); one nobody took is closed when the plan ends.
     */
    public static final class EarlyStart implements TestExecutionListener {

        private static CompletableFuture<Deployment> starting;
        private static boolean taken;

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            var classes = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                    .map(test -> test.getSource().filter(ClassSource.class::isInstance).map(source -> ((ClassSource) source).getJavaClass()))
                    .flatMap(java.util.Optional::stream).distinct().toList();
            if (classes.stream().anyMatch(EarlyStart::usesThisDomain)) {
                begin(classes.stream().anyMatch(type -> uses(type, PayaraServer.class)) ? PayaraServer.STARTED : CompletableFuture.completedFuture(null));
            }
        }

        @Override
        public void testPlanExecutionFinished(TestPlan plan) {
            synchronized (EarlyStart.class) {
                if (starting != null && !taken) {
                    PayaraServer.STARTED.complete(null);
                    starting.join().close();
                }
            }
        }

        static synchronized Deployment take() {
            // The stand-in domain's classes ran before this one (Last): if its start has not come, it will not.
            PayaraServer.STARTED.complete(null);
            begin(CompletableFuture.completedFuture(null));
            taken = true;
            return starting.join();
        }

        private static synchronized void begin(CompletableFuture<Void> after) {
            if (starting == null) {
                starting = new CompletableFuture<>();
                var thread = new Thread(() -> {
                    after.join();
                    starting.complete(Deployment.start(PROFILE));
                }, "keycloak-domain-start");
                thread.setDaemon(true);
                thread.start();
            }
        }

        private static boolean usesThisDomain(Class<?> type) {
            return uses(type, KeycloakDomain.class);
        }

        private static boolean uses(Class<?> type, Class<?> extension) {
            return AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class).stream()
                    .anyMatch(extendWith -> java.util.Arrays.asList(extendWith.value()).contains(extension));
        }
    }

    /**
     * Runs the classes of this domain after all others (in the order they came otherwise), so that its start in
     * the background overlaps theirs; named in junit-platform.properties.
     */
    public static final class Last implements ClassOrderer {

        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator.comparing(descriptor -> EarlyStart.usesThisDomain(descriptor.getTestClass())));
        }
    }
}
