package care.messaging.platform.rest;

import jakarta.json.JsonNumber;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * Request bodies bind whole-number fields only from JSON integers: JSON-B would otherwise truncate
 * {@code 1.5} to 1 or read {@code "5"} as 5, so that a bad read marker answered 200 and did nothing. A
 * fraction, a string or a number out of range is a 400 {@code malformed-json} problem, and nothing runs.
 */
@Provider
public class WholeNumbers implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new WholeLong(), new WholeInteger()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    static long whole(JsonParser parser, long min, long max) {
        if (!(parser.getValue() instanceof JsonNumber number) || !number.isIntegral()) {
            throw new JsonbException("not a whole number");
        }
        var value = number.bigDecimalValue();
        if (value.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || value.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new JsonbException("whole number out of range");
        }
        return value.longValueExact();
    }

    static final class WholeLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static final class WholeInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return (int) whole(parser, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }
}
