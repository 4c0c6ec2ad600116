package care.messaging.monitoring.rest;

import care.messaging.conversation.rest.ConversationsResource;
import care.messaging.platform.rest.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the node's metrics of every problem the API answers, by type, and whether it refused a send. It uses no
 * metrics type itself (only a CDI event that {@link ApiMetrics} observes), so a server without MicroProfile Metrics
 * loads it all the same and the event simply has no observer.
 */
@Provider
@ApplicationScoped
public class AnsweredProblems implements ContainerResponseFilter {

    @Inject
    Event<ProblemAnswered> answered;
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.getMediaType() == null
                || !Problems.MEDIA_TYPE.equals(response.getMediaType().getType() + "/" + response.getMediaType().getSubtype())
                || !(response.getEntity() instanceof String problem)) {
            return;
        }
        var type = slug(problem);
        if (type != null) {
            var method = resource.getResourceMethod();
            var send = method != null && method.getDeclaringClass() == ConversationsResource.class && method.getName().equals("post");
            answered.fire(new ProblemAnswered(type, send));
        }
    }

    /** The slug of a problem document as {@link Problems#json} writes it; null for anything else. */
    static String slug(String problem) {
        var at = problem.indexOf(Problems.TYPE_PREFIX);
        if (at < 0) {
            return null;
        }
        var start = at + Problems.TYPE_PREFIX.length();
        var end = problem.indexOf('"', start);
        return end < 0 ? null : problem.substring(start, end);
    }
}
