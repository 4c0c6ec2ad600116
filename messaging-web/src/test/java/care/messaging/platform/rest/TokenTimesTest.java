package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenTimesTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    static final long SKEW = 60;

    @Test
    void tokenWithoutNbfIsValidNow() {
        assertFalse(TokenTimes.notYetValid(null, NOW, SKEW));
    }

    @Test
    void nbfWithinTheSkewIsAccepted() {
        assertFalse(TokenTimes.notYetValid(NOW.getEpochSecond() - 3600, NOW, SKEW));
        assertFalse(TokenTimes.notYetValid(NOW.getEpochSecond() + 60, NOW, SKEW));
    }

    @Test
    void nbfBeyondTheSkewIsRefused() {
        assertTrue(TokenTimes.notYetValid(NOW.getEpochSecond() + 61, NOW, SKEW));
        assertTrue(TokenTimes.notYetValid(Json.createValue(NOW.getEpochSecond() + 300), NOW, SKEW));
    }

    @Test
    void nbfThatIsNotANumberIsRefused() {
        assertTrue(TokenTimes.notYetValid("tomorrow", NOW, SKEW));
    }
}
