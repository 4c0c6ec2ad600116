package care.messaging.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The domain's server.log, read as IT would read it. */
record ServerLog(Path file) {

    String read() {
        try {
            // Lossy on purpose: a stray byte in the log must not hide the rest of it from the search.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
