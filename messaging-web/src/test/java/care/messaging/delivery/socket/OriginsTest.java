package care.messaging.delivery.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsTest {

    static final Set<String> ALLOWLIST = Origins.parse(" https://App.Hospital.example , http://localhost:3000/ ,");

    @Test
    void theListIsExactOriginsInLowerCase() {
        assertEquals(Set.of("https://app.hospital.example", "http://localhost:3000"), ALLOWLIST);
        assertEquals(Set.of(), Origins.parse(""));
    }

    @Test
    void aClientWithoutOriginIsNoBrowserAndMayConnect() {
        assertTrue(Origins.allowed(Set.of(), null, "messaging.hospital.example"));
    }

    @Test
    void listedOriginsMayConnect() {
        assertTrue(Origins.allowed(ALLOWLIST, "https://app.hospital.example", "messaging.hospital.example"));
        assertTrue(Origins.allowed(ALLOWLIST, "http://localhost:3000", "messaging.hospital.example"));
        assertFalse(Origins.allowed(ALLOWLIST, "http://app.hospital.example", "messaging.hospital.example"), "scheme counts");
        assertFalse(Origins.allowed(ALLOWLIST, "https://app.hospital.example:8443", "messaging.hospital.example"), "port counts");
        assertFalse(Origins.allowed(ALLOWLIST, "https://evil.example", "messaging.hospital.example"));
    }

    @Test
    void thePagesOwnOriginMayConnect() {
        assertTrue(Origins.allowed(Set.of(), "http://127.0.0.1:29080", "127.0.0.1:29080"));
        assertTrue(Origins.allowed(Set.of(), "https://messaging.hospital.example", "messaging.hospital.example"));
        assertTrue(Origins.allowed(Set.of(), "https://messaging.hospital.example", "messaging.hospital.example:443"),
                "a default port written on one side only");
        assertFalse(Origins.allowed(Set.of(), "https://messaging.hospital.example.evil.example", "messaging.hospital.example"));
        assertFalse(Origins.allowed(Set.of(), "http://127.0.0.1:29081", "127.0.0.1:29080"));
        assertFalse(Origins.allowed(Set.of(), "null", "127.0.0.1:29080"), "an opaque origin (sandboxed frame, file:)");
        assertFalse(Origins.allowed(Set.of(), "http://user@127.0.0.1:29080", "127.0.0.1:29080"));
        assertFalse(Origins.allowed(Set.of(), "https://evil.example", null));
    }
}
