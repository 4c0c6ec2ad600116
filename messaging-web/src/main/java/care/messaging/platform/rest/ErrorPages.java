package care.messaging.platform.rest;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors the container answers before JAX-RS runs (a rejected token, an unknown URL) get the same
 * problem+json body as the API's own; web.xml routes the error pages here. A rejected token is audited.
 */
@WebServlet("/error")
public class ErrorPages extends HttpServlet {

    @Inject
    Event<CredentialsRefused> refusals;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var code = request.getAttribute("jakarta.servlet.error.status_code");
        var status = code instanceof Integer i ? i : 500;
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(Problems.MEDIA_TYPE);
        if (status == 401) {
            CredentialsRefused.of(request).ifPresent(refusals::fire);
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(HttpProblems.of(status).json(status));
    }
}
