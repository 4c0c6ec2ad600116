package care.messaging.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools the way an operator would, appending everything they print to one log
 * file; a failure carries the command's own output, so the cause shows up in the test report.
 */
final class Commands {

    private final Path log;

    /** Starts a fresh log: one test run's commands, in the order they ran. */
    Commands(Path log) {
        this.log = log;
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    /** Runs the command to its end; answers its output, or throws with it if the exit code is not 0. */
    String run(Duration timeout, Map<String, String> environment, List<String> command) {
        try {
            var output = Files.createTempFile(log.getParent(), "command", ".out");
            try {
                var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                var process = builder.start();
                // No input will come: asadmin must never sit waiting for an answer to a prompt.
                process.getOutputStream().close();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                            + ":\n" + Files.readString(output));
                }
                var text = Files.readString(output);
                Files.writeString(log, "$ " + String.join(" ", command) + "\n" + text + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                            + ":\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
