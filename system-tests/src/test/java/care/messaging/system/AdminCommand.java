package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** config/admin/messaging-admin.sh, run as IT would run it against the deployment. */
final class AdminCommand {

    static final Path SCRIPT = Path.of(System.getProperty("config.dir", "../config")).resolve("admin/messaging-admin.sh");

    record Run(int exit, String output) {
    }

    private AdminCommand() {
    }

    static Run run(Api api, String token, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("MESSAGING_URL", api.applicationUrl(), "MESSAGING_TOKEN", token));
        var process = builder.start();
        process.getOutputStream().close();
        var output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "messaging-admin.sh finished");
        return new Run(process.exitValue(), output);
    }
}
