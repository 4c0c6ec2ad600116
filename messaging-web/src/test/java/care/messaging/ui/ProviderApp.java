package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import care.messaging.testing.Cluster;
import care.messaging.testing.Keycloak;
import care.messaging.testing.KeycloakLogin;
import care.messaging.testing.MicroNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The sign-in tests' world, started once for all of them: a real Keycloak with the project's test realm,
 * the WAR on a Payara Micro of its own configured as a hospital would configure it for that provider (no
 * dev login; MP-JWT against the realm's JWKS, issuer and audience; the realm's roles mapped to the
 * directory's; demo data, whose subjects are the realm users' ids), and Debian's Chromium. The directory
 * also gets one disabled member, dr.hughes, whom the realm knows as an ordinary user. A first sign-in binds by the
 * provider's verified e-mail or the {@code employee_id} claim, as IT may switch on. Test classes take it
 * as a parameter: {@code @ExtendWith(ProviderApp.class)}.
 */
public final class ProviderApp implements BeforeAllCallback, ParameterResolver {

    public static final String PRACTITIONER_APP = "care-practitioner-app";
    public static final String PORTAL = "care-portal";
    /** How much later than its exp the node still accepts a token: small, so a test sees a lapsed token refused. */
    static final long CLOCK_SKEW_SECONDS = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Keycloak keycloak;
    private MicroNode node;
    private String database;
    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProviderApp.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).app();
    }

    Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(ProviderApp.class, key -> start(), Running.class);
    }

    record Running(ProviderApp app) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            app.stop();
        }
    }

    private Running start() {
        try {
            database = System.getenv("DB_NAME") + "_idp";
            Cluster.admin("CREATE DATABASE " + database);
            var port = MicroNode.freePort();
            keycloak = Keycloak.start("http://127.0.0.1:" + port);
            node = MicroNode.start("idp", port, List.of(
                    "-Dmessaging.keys.keystore=" + System.getProperty("messaging.it.keystore"),
                    "-Dmessaging.demo.data=true", "-Dmessaging.send.rate.capacity=500",
                    "-Dmp.jwt.verify.publickey.location=" + keycloak.jwks(),
                    "-Dmp.jwt.verify.issuer=" + keycloak.issuer(),
                    "-Dmp.jwt.verify.audiences=care-messaging",
                    "-Dmp.jwt.verify.clock.skew=" + CLOCK_SKEW_SECONDS,
                    "-Dmessaging.identity.client-id.practitioner=" + PRACTITIONER_APP,
                    "-Dmessaging.identity.client-id.portal=" + PORTAL,
                    "-Dmessaging.identity.roles.practitioner=clinician",
                    "-Dmessaging.identity.roles.admin=practice-admin",
                    "-Dmessaging.identity.roles.client=patient",
                    "-Dmessaging.identity.roles.operator=hospital-it",
                    // A first sign-in binds to the one prepared account its verified e-mail or employee id names (off by default).
                    "-Dmessaging.identity.bind-by-verified-email=true",
                    "-Dmessaging.identity.bind-claim=employee_id"), Map.of("DB_NAME", database), List.of());
            // Both start at once; Keycloak's first start on a fresh unpack also builds itself (minutes on a busy machine).
            keycloak.awaitReady(Duration.ofMinutes(8));
            node.awaitReady(Duration.ofMinutes(6));
            seedDisabledMember();
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
            Files.createDirectories(WebApp.SCREENSHOTS);
            return new Running(this);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The sign-in tests' Keycloak and app did not start", e);
        }
    }

    /** A practitioner of Riverside whom the practice switched off: the realm still lets dr.hughes sign in. */
    void seedDisabledMember() throws Exception {
        try (var c = DriverManager.getConnection(Cluster.url(database), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var insert = c.prepareStatement("INSERT INTO account (id, practice_id, username, subject, role, display_name, enabled, signed_up_at) "
                     + "SELECT gen_random_uuid(), id, 'dr.hughes', 'dr.hughes', 'practitioner', 'Dr. Owen Hughes', false, now() "
                     + "FROM practice WHERE name = 'Riverside Therapy'")) {
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("the demo practice is missing");
            }
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
            if (keycloak != null) {
                keycloak.close();
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

    public String home(boolean portal) {
        return portal ? base() + "portal/" : base();
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public String database() {
        return Cluster.url(database);
    }

    /** A statement on the app's database (seeding what no API does yet); answers the update count or the first column. */
    public long sql(String statement, Object... parameters) {
        try (var c = DriverManager.getConnection(Cluster.url(database), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
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

    public BrowserContext context() {
        return context(new Browser.NewContextOptions());
    }

    public BrowserContext phone() {
        return context(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
    }

    public BrowserContext context(Browser.NewContextOptions options) {
        var context = browser.newContext(options.setBaseURL(base()));
        context.setDefaultTimeout(PATIENCE.toMillis());
        return context;
    }

    /** Opens the app, follows "Sign in" to Keycloak's own page, and stops there. */
    public Page toProvider(Page page, boolean portal) {
        page.navigate(home(portal));
        page.locator("main.signin button.provider-signin").click();
        assertThat(page.locator("#kc-form-login")).isVisible();
        return page;
    }

    /** Signs in on Keycloak's login page, which must be showing. */
    public static void enterPassword(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(Keycloak.PASSWORD);
        page.locator("#kc-login").click();
    }

    /** The whole walk: the app, Keycloak's login page, and back into the app until it has loaded. */
    public AppPage signIn(Page page, String username, boolean portal) {
        enterPassword(toProvider(page, portal), username);
        var app = AppPage.of(page);
        app.awaitReady();
        return app;
    }

    /** A provider access token of this user for this client, as the app would get it. */
    public String token(String clientId, String username) {
        var redirect = switch (clientId) {
            case PRACTITIONER_APP -> base();
            case PORTAL -> base() + "portal/";
            default -> node.url("/reports/").toString();
        };
        return KeycloakLogin.accessToken(keycloak, clientId, redirect, username);
    }

    public HttpResponse<String> call(String token, String method, String path, String body) {
        try {
            return node.call(token, method, "/messaging/api/" + path, body, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
