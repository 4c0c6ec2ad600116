package care.messaging.platform.rest;

import care.messaging.platform.entity.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * API request bodies are checked before anything parses them: at most 256 KB (413 body-too-large),
 * strictly valid UTF-8 (400 invalid-encoding), and free of NUL characters, raw or as the JSON escape
 * backslash-u0000 (400 nul-character). A refused request changes nothing: nothing behind this filter runs.
 * <p>
 * The body is read once, and JAX-RS gets it as ONE stream, the same object from every getInputStream()
 * and getReader() call. Jersey on Payara Server asks for the stream more than once; a fresh stream per
 * call made it read the first bytes twice ("{{") and refuse every body as malformed.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodies extends HttpFilter {

    static final int MAX_BYTES = 256 * 1024;
    static final String ESCAPED_NUL = "\\u0000";
    static final String UPLOAD = "/api/attachments";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        // A declared length over the limit is refused before a byte is read; an undeclared one (chunked)
        // is read up to one byte past the limit and no further.
        if (request.getContentLengthLong() > MAX_BYTES) {
            tooLarge(request, response);
            return;
        }
        var body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            tooLarge(request, response);
            return;
        }
        var problem = problem(body);
        if (problem != null) {
            Problems.refuse(request, response, problem, "The request body must be UTF-8 text without NUL characters");
            return;
        }
        chain.doFilter(new ReadOnce(request, body), response);
    }

    static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + UPLOAD);
    }

    /** The problem type for a body that is not clean UTF-8 text, or null when it is. */
    static ProblemType problem(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return ProblemType.INVALID_ENCODING;
        }
        return text.indexOf('\0') >= 0 || hasEscapedNul(text) ? ProblemType.NUL_CHARACTER : null;
    }

    /**
     * Whether the text holds the escape backslash-u0000 whose backslash is not itself escaped: after an
     * odd number of backslashes, the last one starts the escape; after an even number (such as the JSON
     * text {@code a\\u0000}) they are literal backslashes followed by the letters u0000.
     */
    static boolean hasEscapedNul(String text) {
        for (var at = text.indexOf(ESCAPED_NUL); at >= 0; at = text.indexOf(ESCAPED_NUL, at + 1)) {
            var before = 0;
            while (at - before - 1 >= 0 && text.charAt(at - before - 1) == '\\') {
                before++;
            }
            if (before % 2 == 0) {
                return true;
            }
        }
        return false;
    }

    static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The rest of the body stays unread, so the connection must not carry another request.
        response.setHeader("Connection", "close");
        Problems.refuse(request, response, ProblemType.BODY_TOO_LARGE, "The request body is larger than 256 KB");
    }

    /** The request with its body, already read and checked, served from memory as one stream. */
    static final class ReadOnce extends HttpServletRequestWrapper {

        private final int length;
        private final Body stream;
        private BufferedReader reader;

        ReadOnce(HttpServletRequest request, byte[] body) {
            super(request);
            this.length = body.length;
            this.stream = new Body(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public synchronized BufferedReader getReader() {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            }
            return reader;
        }

        @Override
        public int getContentLength() {
            return length;
        }

        @Override
        public long getContentLengthLong() {
            return length;
        }
    }

    /** A servlet stream over the bytes in memory; every InputStream method reads from the one position. */
    static final class Body extends ServletInputStream {

        private final ByteArrayInputStream in;

        Body(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public byte[] readAllBytes() {
            return in.readAllBytes();
        }

        @Override
        public long skip(long n) {
            return in.skip(n);
        }

        @Override
        public int available() {
            return in.available();
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
            // Everything is in memory: all of it is available at once.
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
