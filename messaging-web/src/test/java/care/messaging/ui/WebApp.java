package care.messaging.ui;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The browser tests' world, started once for all of them: the WAR on a Payara Micro of its own (dev
 * login, demo data, a database of its own), and Debian's Chromium driven by Playwright. Closed when the
 * test run ends. Test classes take it as a parameter: {@code @ExtendWith(WebApp.class)}.
 */
public final class WebApp implements BeforeAllCallback, ParameterResolver {

    static final Path SCREENSHOTS = Path.of(System.getProperty("messaging.ui.screenshots", "target/screenshots"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private MicroNode node;
    private String database;
    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(WebApp.class, key -> start(), Running.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebApp.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(WebApp.class, key -> start(), Running.class).app();
    }

    record Running(WebApp app) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            app.stop();
        }
    }

    private Running start() {
        try {
            database = System.getenv("DB_NAME") + "_ui";
            Cluster.admin("CREATE DATABASE " + database);
            // The tests send more than a person would in a minute: a roomier send rate than the default.
            // The suite's clamd (TestClamd) scans this node's uploads too. Old unsent uploads are looked for every
            // second, so AttachmentReadersIT sees the timer remove one without waiting minutes.
            node = MicroNode.start("ui", Cluster.nodeOptions("ui", List.of("-Dmessaging.send.rate.capacity=500",
                    "-Dmessaging.attachments.clamd.port=" + care.messaging.testing.TestClamd.clamd().port(),
                    "-Dmessaging.attachments.unsent-sweep-seconds=1")), Map.of("DB_NAME", database), List.of());
            node.awaitReady(Duration.ofMinutes(6));
            var chromium = Path.of(System.getProperty("messaging.ui.chromium", "/usr/bin/chromium"));
            if (!Files.isExecutable(chromium)) {
                throw new IllegalStateException("Chromium is not installed at " + chromium + ": bin/test installs it (apt-get install chromium)");
            }
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE.toMillis());
            Files.createDirectories(SCREENSHOTS);
            return new Running(this);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The browser tests' app did not start", e);
        }
    }

    private void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
            if (node != null) {
                node.close();
            }
            if (database != null) {
                Cluster.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return node.url("/messaging/").toString();
    }

    /** The node's address of a path outside the app (its health checks). */
    public String url(String path) {
        return node.url(path).toString();
    }

    /** A fresh browser profile: its own storage, its own network switch. */
    public BrowserContext context() {
        return context(new Browser.NewContextOptions());
    }

    /** A phone-sized screen. */
    public BrowserContext phone() {
        return context(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
    }

    public BrowserContext context(Browser.NewContextOptions options) {
        var context = browser.newContext(options.setBaseURL(base()));
        context.setDefaultTimeout(PATIENCE.toMillis());
        return context;
    }

    /** Signs in through the dev login's picker and waits until the app has loaded. */
    public AppPage signIn(BrowserContext context, String username) {
        return AppPage.signIn(context.newPage(), base(), username, portal(username));
    }

    public AppPage signIn(Page page, String username) {
        return AppPage.signIn(page, base(), username, portal(username));
    }

    static boolean portal(String username) {
        return !username.startsWith("dr.") && !username.startsWith("admin.");
    }

    public String token(String username) {
        try {
            return node.login(username);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider's token for a subject the directory may not know yet (a person about to redeem an invitation). */
    public String providerToken(String subject, String... groups) {
        return Cluster.providerToken("ui", subject, List.of(groups));
    }

    public HttpResponse<String> call(String token, String method, String path, String body) {
        try {
            return node.call(token, method, "/messaging/api/" + path, body, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call with a body of another media type than JSON (a CSV import). */
    public HttpResponse<String> call(String token, String method, String path, String body, String mediaType) {
        try {
            return node.call(token, method, "/messaging/api/" + path, body, mediaType, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A call with a body of raw bytes (an upload) and headers of the test's choosing; the answer as bytes. The
     * body is any publisher: of a byte array, or a stream of unknown length (sent chunked).
     */
    public HttpResponse<byte[]> bytes(String token, String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(node.url("/messaging/api/" + path)).timeout(Duration.ofMinutes(2)).method(method, body);
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return MicroNode.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The node's HTTP address, for a test that must write a request by hand (a Content-Length no client would send). */
    public java.net.URI address(String path) {
        return node.url("/messaging/api/" + path);
    }

    public JsonObject json(String token, String method, String path, String body) {
        var reply = call(token, method, path, body);
        if (reply.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + reply.statusCode() + " " + reply.body());
        }
        return MicroNode.json(reply);
    }

    /** The id of the caller's conversation whose counterpart has this display name. */
    public String conversationWith(String token, String counterpart) {
        return json(token, "GET", "conversations?limit=200", null).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonObject("counterpart").getString("displayName").equals(counterpart))
                .findFirst().orElseThrow(() -> new AssertionError("no conversation with " + counterpart)).getString("id");
    }

    /** Sends through the API, as another device would; answers the message. */
    public JsonObject send(String token, String conversation, String html) {
        var body = jakarta.json.Json.createObjectBuilder().add("clientMessageId", UUID.randomUUID().toString()).add("html", html).build();
        return json(token, "POST", "conversations/" + conversation + "/messages", body.toString());
    }

    /** Every message of a conversation whose HTML contains the text, as the API shows them. */
    public List<JsonObject> messagesContaining(String token, String conversation, String text) {
        var reply = call(token, "GET", "conversations/" + conversation + "/messages?limit=200", null);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(m -> !m.isNull("html") && m.getString("html").contains(text)).toList();
        }
    }

    /**
     * A statement on the app's own database, for what no API does (a client's discharge) or to count what
     * the app wrote (audit rows). Answers the first column of the first row, or the update count.
     */
    public long sql(String statement, Object... parameters) {
        try (var c = java.sql.DriverManager.getConnection(Cluster.url(database), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.prepareStatement(statement)) {
            for (var i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            if (!s.execute()) {
                return s.getUpdateCount();
            }
            try (var rows = s.getResultSet()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's own database, for a test's queries that answer other than a number. */
    public String jdbcUrl() {
        return Cluster.url(database);
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
