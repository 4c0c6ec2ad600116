package care.messaging.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara's Micro container for Arquillian, with its one race closed. The container reads Micro's console
 * every 200 ms and stops as soon as the "Instance Configuration" block has reached its HTTPS line; it
 * then looks for the deployed servlets further down in the same snapshot. When the snapshot was taken
 * between those lines (a busy machine), the servlet list is empty and every test of the class fails with
 * "ArquillianServletRunnerEE9 not found" although the application deployed. Here, an empty list is
 * answered by asking Micro itself: the test runner servlet of the archive (or, for a deployment that is not
 * testable, its context root) is added once Micro serves it (anything but 404), and a deployment it never
 * serves fails as a deployment.
 */
public class MicroContainer extends PayaraMicroDeployableContainer {

    static final String RUNNER = "ArquillianServletRunnerEE9";
    static final String PROTOCOL_JAR = "arquillian-jakarta-servlet-protocol.jar";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        var metaData = super.deploy(archive);
        var root = "/" + archive.getName().replaceFirst("\\.war$", "");
        // A testable deployment carries the servlet protocol; one deployed with testable = false does not,
        // and is then waited for at its context root (its tests call it over HTTP at @ArquillianResource URL).
        var testable = archive.contains("/WEB-INF/lib/" + PROTOCOL_JAR);
        for (var context : metaData.getContexts(HTTPContext.class)) {
            if (context.getServlets().isEmpty()) {
                awaitServed(context, root + "/" + (testable ? RUNNER : ""));
                context.add(new Servlet(testable ? RUNNER : "default", root));
            }
        }
        return metaData;
    }

    static void awaitServed(HTTPContext context, String path) throws DeploymentException {
        var runner = URI.create(context.getScheme() + "://" + context.getHost() + ":" + context.getPort() + path);
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try {
                var status = client.send(HttpRequest.newBuilder(runner).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 404) {
                    return;
                }
            } catch (IOException notYet) {
                // Micro is still binding or deploying: ask again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DeploymentException("Payara Micro does not serve " + runner + ": the archive did not deploy"
                + " (its console is in failsafe-reports/*-output.txt)");
    }

    /** Puts this container in the place of Payara's (META-INF/services). */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, MicroContainer.class);
        }
    }
}
