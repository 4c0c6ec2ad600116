package care.messaging.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Payara Server domain of this test run, driven only through asadmin, as IT drives theirs. */
final class Domain {

    private static final System.Logger LOGGER = System.getLogger(Domain.class.getName());
    private static final Duration SLOW = Duration.ofMinutes(4);
    private static final Duration QUICK = Duration.ofMinutes(1);

    final Path payaraHome;
    final Path domainDir;
    final String name;
    private final Commands commands;
    private PortBase ports;

    Domain(Path payaraHome, Path domainDir, String name, Commands commands) {
        this.payaraHome = payaraHome;
        this.domainDir = domainDir.toAbsolutePath();
        this.name = name;
        this.commands = commands;
    }

    Path asadminPath() {
        return payaraHome.resolve("bin/asadmin");
    }

    int adminPort() {
        return ports.adminPort();
    }

    int httpPort() {
        return ports.httpPort();
    }

    int httpsPort() {
        return ports.httpsPort();
    }

    Path serverLog() {
        return domainDir.resolve(name).resolve("logs/server.log");
    }

    /**
     * Gets rid of what a killed earlier run in this directory left behind: its domain is stopped (by its
     * directory, or by the process whose instance root it is when the directory is already gone) and
     * deleted. Other domains, of this directory or any other, are never touched.
     */
    void removeStale() {
        if (Files.isDirectory(domainDir.resolve(name))) {
            try {
                asadmin(QUICK, "stop-domain", "--domaindir", domainDir.toString(), name);
            } catch (IllegalStateException notRunning) {
                // stop-domain fails for a domain that is not running: nothing to stop
            }
        }
        var instanceRoot = "-Dcom.sun.aas.instanceRoot=" + domainDir.resolve(name);
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(instanceRoot + " ") || line.endsWith(instanceRoot)).orElse(false))
                .forEach(Domain::terminate);
        // Only this domain's own directory: the run's other domain lives beside it and may be starting.
        delete(domainDir.resolve(name));
    }

    /** Creates the domain on these ports; whoever claimed them releases them after {@link #stop()}. */
    void create(PortBase ports) {
        this.ports = ports;
        asadmin(SLOW, "create-domain", "--domaindir", domainDir.toString(), "--portbase", String.valueOf(ports.value),
                "--nopassword=true", name);
    }

    void start() {
        asadmin(SLOW, "start-domain", "--domaindir", domainDir.toString(), name);
    }

    void stop() {
        asadmin(QUICK, "stop-domain", "--domaindir", domainDir.toString(), name);
    }

    void deploy(Path archive, String applicationName) {
        remote(SLOW, "deploy", "--name", applicationName, archive.toAbsolutePath().toString());
    }

    void undeploy(String applicationName) {
        remote(QUICK, "undeploy", applicationName);
    }

    /** Runs a script against this domain with asadmin and its admin port in the environment. */
    void runScript(Path script, Map<String, String> environment) {
        var withDomain = new HashMap<>(environment);
        withDomain.put("ASADMIN", asadminPath().toString());
        withDomain.put("ADMIN_PORT", String.valueOf(adminPort()));
        commands.run(SLOW, withDomain, List.of("bash", script.toAbsolutePath().toString()));
    }

    /** The domain's configuration file, which asadmin writes on every change it makes. */
    Path configFile() {
        return domainDir.resolve(name).resolve("config/domain.xml");
    }

    /** The configured value of one dotted name (asadmin get), e.g. a pool's max-pool-size. */
    String get(String dottedName) {
        var prefix = dottedName + "=";
        return remote(QUICK, "get", dottedName).lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("asadmin get " + dottedName + " answered no value"));
    }

    private String remote(Duration timeout, String... arguments) {
        var command = new ArrayList<String>();
        command.add("--port");
        command.add(String.valueOf(adminPort()));
        command.addAll(List.of(arguments));
        return asadmin(timeout, command.toArray(String[]::new));
    }

    private String asadmin(Duration timeout, String... arguments) {
        var asadmin = asadminPath();
        if (!Files.isExecutable(asadmin)) {
            asadmin.toFile().setExecutable(true);
        }
        var command = new ArrayList<String>();
        command.add(asadmin.toString());
        command.addAll(List.of(arguments));
        var started = System.nanoTime();
        var output = commands.run(timeout, Map.of(), command);
        LOGGER.log(System.Logger.Level.INFO, "asadmin {0}: {1} ms", String.join(" ", arguments),
                (System.nanoTime() - started) / 1_000_000);
        return output;
    }

    private static void terminate(ProcessHandle process) {
        LOGGER.log(System.Logger.Level.WARNING, "Stopping the leftover domain process {0}", process.pid());
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
