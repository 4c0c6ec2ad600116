package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the artifact a hospital deploys holds: no dev login, no token minting with a local key, no demo
 * data — not switched off, absent. The standalone WAR, built from the same sources, still has them.
 */
class EarContentsIT {

    static final List<String> DEV_ONLY = List.of("care/messaging/dev/", "DevLoginResource", "DevTokens", "DevAccounts", "DemoData");

    @Test
    void theEarHoldsNoDevLoginOrDemoClassesAtAnyDepth() throws IOException {
        var entries = entries(Path.of(Deployment.property("messaging.ear", "target/messaging.ear")));

        assertTrue(entries.stream().anyMatch(e -> e.endsWith("care/messaging/directory/boundary/Directory.class")),
                "the scan reaches into the EJB jar: " + entries.size() + " entries");
        assertTrue(entries.stream().anyMatch(e -> e.endsWith("care/messaging/platform/rest/MessagingApplication.class")),
                "and into the web module");
        assertEquals(List.of(), entries.stream().filter(EarContentsIT::devOnly).toList());
    }

    @Test
    void theStandaloneWarStillHasThem() throws IOException {
        var entries = entries(Path.of(Deployment.property("messaging.war", "target/messaging.war")));

        assertTrue(entries.stream().anyMatch(e -> e.endsWith("care/messaging/dev/rest/DevLoginResource.class")), "dev login");
        assertTrue(entries.stream().anyMatch(e -> e.endsWith("care/messaging/dev/boundary/DemoData.class")), "demo data");
    }

    static boolean devOnly(String entry) {
        return DEV_ONLY.stream().anyMatch(entry::contains);
    }

    /** Every entry's path, nested archives opened: {@code messaging-web.war!WEB-INF/classes/...}. */
    static List<String> entries(Path archive) throws IOException {
        var found = new ArrayList<String>();
        try (var in = Files.newInputStream(archive)) {
            collect("", in, found);
        }
        return found;
    }

    private static void collect(String prefix, InputStream in, List<String> found) throws IOException {
        var zip = new ZipInputStream(in);
        for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            var name = prefix + entry.getName();
            found.add(name);
            if (name.endsWith(".jar") || name.endsWith(".war")) {
                collect(name + "!", zip, found);
            }
        }
    }
}
