package care.messaging.platform.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P through one provider looked up once. The static {@code Json.create…} methods look the provider
 * up through the service loader on every call, which scans the class path's jars: profiled on the send
 * path, that lookup was about a sixth of all CPU time.
 */
public final class JsonObjects {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonObjects() {
    }

    public static JsonObjectBuilder builder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonObject parse(String json) {
        try (var reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
