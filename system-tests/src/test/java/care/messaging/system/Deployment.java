package care.messaging.system;

import java.io.UncheckedIOException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The EAR deployed on a fresh Payara Server domain configured by config/payara-server/setup.sh against
 * a database of its own, seeded with the demo data by the standalone WAR ({@link DemoSeed}) where the
 * {@link Profile} says so; {@link #close()} undeploys, stops the domain, stops the token issuer and drops the
 * database. A JVM shutdown hook does the same if the test JVM is stopped before the store closes.
 */
final class Deployment implements AutoCloseable {

    /**
     * What differs between the run's domains: the domain's name, who issues the tokens it accepts (made once
     * the domain's ports are known, since a real provider must know the app's origin for its redirect URIs),
     * and whether the demo data is seeded.
     */
    record Profile(String domain, Function<PortBase, TokenIssuer> issuer, boolean demoData) {

        /** The domain most system tests share: the stand-in identity provider's PEM key, the demo data. */
        static final Profile STAND_IN = new Profile("sys", ports -> IdentityProvider.create(workDir()), true);
    }

    private static final System.Logger LOGGER = System.getLogger(Deployment.class.getName());
    private static final String APPLICATION = "messaging";
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);
    /**
     * The domain's send rate: a burst of 40 new messages per sender, then one every 10 s. No test sends
     * more than a handful as one demo person, so only RateLimitIT, with a practitioner of its own, meets it.
     */
    static final int SEND_RATE_CAPACITY = 40;
    static final int SEND_RATE_PER_MINUTE = 6;
    /** The domain's draft-save rate, low enough for DraftsIT to meet it with a practitioner of its own. */
    static final int DRAFT_RATE_CAPACITY = 20;
    static final int DRAFT_RATE_PER_MINUTE = 6;
    /** A page origin allowed to open the WebSocket besides the domain's own (WebSocketIT). */
    static final String ALLOWED_ORIGIN = "https://app.care-messaging.test";
    /** Pings every few seconds, so a test sees one (and a reader that stops is also closed for no pong). */
    static final int PING_SECONDS = 5;
    /** The presence sweep runs often, so that PresenceIT sees an account go offline in seconds. */
    static final int PRESENCE_SWEEP_SECONDS = 2;

    private final Path workDir = workDir();
    private final Profile profile;
    private final Domain domain;
    private final Commands commands;
    private final Path keystore;
    private final String keystorePassword = randomPassword();
    private final Thread shutdownHook = new Thread(this::tearDown, "payara-domain-shutdown");
    private PortBase ports;
    private TestDatabase database;
    private TokenIssuer issuer;
    private Api api;
    private SeededPeople people;
    private boolean started;
    private boolean deployed;
    private RuntimeException failure;
    private boolean failureReported;

    private Deployment(Profile profile) {
        this.profile = profile;
        keystore = workDir.resolve("keys/" + profile.domain() + "/messaging-keys.p12").toAbsolutePath();
        commands = new Commands(workDir.resolve("asadmin-" + profile.domain() + ".log"));
        domain = new Domain(Path.of(property("payara.home", "target/payara6")), Path.of(property("payara.domaindir", "target/domains")),
                profile.domain(), commands);
    }

    /** Never throws: a failure is kept and reported by {@link #running()}, after cleaning up what was started. */
    static Deployment start(Profile profile) {
        var deployment = new Deployment(profile);
        try {
            deployment.bringUp();
        } catch (RuntimeException e) {
            deployment.failure = e;
            try {
                deployment.tearDown();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
        }
        return deployment;
    }

    /** This deployment, or the start failure: in full for the first class that asks, in one line for the rest. */
    synchronized Deployment running() {
        if (failure != null) {
            var message = "The EAR is not running on Payara Server; see " + domain.serverLog() + " and "
                    + commands.log();
            if (failureReported) {
                throw new IllegalStateException(message + " (start failed: " + failure.getMessage().lines().findFirst().orElse("") + ")");
            }
            failureReported = true;
            throw new IllegalStateException(message, failure);
        }
        return this;
    }

    Api api() {
        return api;
    }

    Sql sql() {
        return new Sql(database);
    }

    TestDatabase database() {
        return database;
    }

    SeededPeople people() {
        return people;
    }

    TokenIssuer issuer() {
        return issuer;
    }

    ServerLog serverLog() {
        return new ServerLog(domain.serverLog());
    }

    private void bringUp() {
        var begin = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        domain.removeStale();
        ports = PortBase.claim(Integer.parseInt(property("payara.portbase", "29000")));
        // create-domain mostly waits on keytool; the database and the keys are made meanwhile.
        var claimed = ports;
        var created = CompletableFuture.runAsync(() -> domain.create(claimed));
        database = TestDatabase.create(property("db.host", "127.0.0.1"), Integer.parseInt(property("db.port", "5432")),
                property("db.user", "postgres"), property("db.password", "postgres"),
                workDir.resolve("database-name-" + profile.domain() + ".txt"));
        people = new SeededPeople("jdbc:postgresql://" + database.host + ":" + database.port + "/" + database.name,
                database.user, database.password);
        issuer = profile.issuer().apply(claimed);
        createKeystore();
        migrateAsOwner();
        if (profile.demoData()) {
            DemoSeed.run(workDir, database, keystore, keystorePassword, issuer.publicKeyLocation());
        }
        try {
            created.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        started = true;
        domain.start();
        domain.runScript(Path.of(property("setup.script", "../config/payara-server/setup.sh")), setupEnvironment());
        deployed = true;
        domain.deploy(Path.of(property("messaging.ear", "target/messaging.ear")), APPLICATION);
        // A real provider's Api calls only with tokens a test got from it: no stand-in signs for it.
        api = new Api(URI.create("http://127.0.0.1:" + domain.httpPort()), URI.create("https://127.0.0.1:" + domain.httpsPort()),
                issuer instanceof IdentityProvider standIn ? standIn : null);
        awaitReady();
        issuer.awaitReady();
        LOGGER.log(System.Logger.Level.INFO, "Care Messaging is ready on Payara Server (domain {0}) after {1} ms",
                profile.domain(), (System.nanoTime() - begin) / 1_000_000);
    }

    /** What hospital IT would export before running setup.sh. */
    private Map<String, String> setupEnvironment() {
        return SetupInputs.of(database, issuer, keystore, keystorePassword);
    }

    /**
     * Runs setup.sh again on the running domain, as IT would on a live one: the same inputs as the first
     * run, with {@code changed} put over them.
     */
    void configureAgain(Map<String, String> changed) {
        var environment = new LinkedHashMap<>(setupEnvironment());
        environment.putAll(changed);
        domain.runScript(Path.of(property("setup.script", "../config/payara-server/setup.sh")), environment);
    }

    Domain domain() {
        return domain;
    }

    /**
     * The schema owner migrates with the release's own command, and grants the runtime role its rights:
     * the application then runs as that role with messaging.schema.migrate=false.
     */
    private void migrateAsOwner() {
        var environment = new LinkedHashMap<String, String>();
        environment.put("DB_HOST", database.host);
        environment.put("DB_PORT", String.valueOf(database.port));
        environment.put("DB_NAME", database.name);
        environment.put("DB_OWNER", database.owner);
        environment.put("DB_OWNER_PASSWORD", database.rolePassword);
        environment.put("POSTGRESQL_JAR", Path.of(property("postgresql.jar", "target/postgresql.jar")).toAbsolutePath().toString());
        environment.put("APP_ROLE", database.app);
        commands.run(Duration.ofMinutes(2), environment, List.of("bash",
                Path.of(property("migrate.script", "../config/database/migrate.sh")).toString(),
                Path.of(property("messaging.ear", "target/messaging.ear")).toString()));
    }

    /** A fresh keystore for this run, made by the script IT uses. */
    private void createKeystore() {
        try {
            Files.deleteIfExists(keystore);
            Files.createDirectories(keystore.getParent());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        commands.run(Duration.ofMinutes(1), Map.of("MESSAGING_KEYS_PASSWORD", keystorePassword),
                List.of("bash", Path.of(property("create-keystore.script", "../config/keys/create-keystore.sh")).toString(),
                        keystore.toString()));
    }

    private static String randomPassword() {
        var bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void awaitReady() {
        var deadline = System.nanoTime() + READY_WITHIN.toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            try {
                var reply = api.server("/health/ready", "application/json");
                if (reply.status() == 200) {
                    return;
                }
                last = reply;
            } catch (UncheckedIOException notListening) {
                last = notListening;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("/health/ready is not UP after " + READY_WITHIN + ": " + last);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it tears down
        }
        tearDown();
    }

    /** Every step is tried even when an earlier one fails; the first failure is thrown at the end. */
    private synchronized void tearDown() {
        var failures = new ArrayList<RuntimeException>();
        if (deployed) {
            attempt(failures, () -> domain.undeploy(APPLICATION));
            deployed = false;
        }
        if (started) {
            attempt(failures, domain::stop);
            started = false;
        }
        if (issuer != null) {
            attempt(failures, issuer::close);
            issuer = null;
        }
        if (ports != null) {
            attempt(failures, ports::close);
            ports = null;
        }
        if (database != null) {
            attempt(failures, database::close);
            database = null;
        }
        if (!failures.isEmpty()) {
            var first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void attempt(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Tear-down step failed", e);
            failures.add(e);
        }
    }

    static Path workDir() {
        return Path.of(property("work.dir", "target"));
    }

    static String property(String name, String defaultValue) {
        return System.getProperty(name, defaultValue);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
