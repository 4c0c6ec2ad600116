package care.messaging.platform.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * API request bodies are checked before anything parses them: at most 256 KB (413), strictly valid
 * UTF-8 and free of NUL characters, raw or escaped (400). A refused body changes nothing.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodies extends HttpFilter {

    static final int MAX_BYTES = 256 * 1024;
    // The escape backslash-u0000, unless its backslash is itself escaped (then it is literal text).
    static final Pattern ESCAPED_NUL = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(response, 413, "payload-too-large", "The request body is larger than 256 KB");
            return;
        }
        var body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            refuse(response, 413, "payload-too-large", "The request body is larger than 256 KB");
            return;
        }
        var problem = check(body);
        if (problem != null) {
            refuse(response, 400, problem, "The request body must be UTF-8 text without NUL characters");
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** The problem type for a body that is not clean UTF-8 text, or null when it is. */
    static String check(byte[] body) {
        try {
            var text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.indexOf('\0') >= 0 || ESCAPED_NUL.matcher(text).find() ? "nul-character" : null;
        } catch (CharacterCodingException e) {
            return "invalid-utf8";
        }
    }

    static void refuse(HttpServletResponse response, int status, String type, String title) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(Problems.MEDIA_TYPE);
        response.getWriter().write(Problems.json(type, title, status, Problems.instance()));
    }

    /** The request with its already-read body served again to JAX-RS. */
    static class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("Replayed bodies are read synchronously");
                }
            };
        }
    }
}
