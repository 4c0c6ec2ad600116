package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The problem documents the WAR answers over HTTP on Payara Micro, from each place that answers one: the
 * servlet filters (body checks), the authentication filter, the container's error pages (a token it
 * refused, an unknown URL), JAX-RS's own refusals and a domain exception. Each is asserted on status,
 * media type, type, status and instance, as every client sees them. No token is needed: the Micro of the
 * in-container tests has no dev login, which is itself answered with a domain exception.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ProblemAnswersIT {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"));
    }

    @ArquillianResource
    URL base;

    @Test
    void aRequestWithoutATokenIsNotAuthenticatedAndToldHowToAuthenticate() throws Exception {
        var reply = send(request("api/conversations").GET());

        assertProblem(401, "not-authenticated", reply);
        assertEquals("Bearer", reply.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void aTokenTheServerRefusesIsAnInvalidToken() throws Exception {
        var reply = send(request("api/conversations").header("Authorization", "Bearer not.a.token").GET());

        assertProblem(401, "invalid-token", reply);
        assertEquals("Bearer", reply.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void bodiesThatAreNotCleanTextOrTooLargeAreRefusedBeforeAnythingReadsThem() throws Exception {
        var nul = "{\"username\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8);
        var notUtf8 = new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        var tooLarge = new byte[256 * 1024 + 1];

        assertProblem(400, "nul-character", send(json("api/dev/login", nul)));
        assertProblem(400, "invalid-encoding", send(json("api/dev/login", notUtf8)));
        assertProblem(413, "body-too-large", send(json("api/dev/login", tooLarge)));
    }

    @Test
    void jaxRsRefusalsAreProblemsWithTheirStatus() throws Exception {
        assertProblem(404, "not-found", send(request("api/no-such-resource").GET()));
        assertProblem(405, "method-not-allowed", send(request("api/app/settings").DELETE()));
        assertProblem(415, "unsupported-media-type", send(request("api/dev/login").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("{\"username\":\"x\"}"))));
        assertProblem(400, "malformed-json", send(json("api/dev/login", "{\"username\":".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anUnknownUrlOutsideTheApiIsNotFound() throws Exception {
        assertProblem(404, "not-found", send(request("no-such-page").GET()));
    }

    @Test
    void aDomainExceptionIsAProblemOfItsType() throws Exception {
        var reply = send(json("api/dev/login", "{\"username\":\"x\"}".getBytes(StandardCharsets.UTF_8)));

        assertProblem(404, "not-found", reply);
        assertEquals("No such resource", body(reply).getString("title"));
    }

    HttpRequest.Builder request(String path) {
        // The resource URL may name the first non-loopback address (docs/traps.md): talk to 127.0.0.1.
        var uri = URI.create("http://127.0.0.1:" + base.getPort() + base.getPath()).resolve(path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    }

    HttpRequest.Builder json(String path, byte[] body) {
        return request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    static void assertProblem(int status, String type, HttpResponse<String> reply) {
        assertEquals(status, reply.statusCode(), reply::body);
        var body = body(reply);
        assertAll(
                () -> assertEquals(Problems.MEDIA_TYPE, reply.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                () -> assertEquals(Problems.TYPE_PREFIX + type, body.getString("type")),
                () -> assertEquals(status, body.getInt("status")),
                () -> assertTrue(body.getString("instance").startsWith("urn:uuid:"), reply::body),
                () -> assertTrue(!body.getString("title").isEmpty(), reply::body));
    }

    static JsonObject body(HttpResponse<String> reply) {
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }
}
