package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Looks through every row of every table for a text, in clear or as hex bytes (how bytea reads as text). */
final class StoredText {

    private StoredText() {
    }

    static void assertStoredNowhere(Sql sql, String text) {
        var hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        var tables = sql.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        assertTrue(tables.size() >= 7, tables::toString);
        for (var table : tables) {
            var name = (String) table.get("tablename");
            for (var row : sql.query("SELECT t::text AS row FROM \"" + name + "\" t")) {
                var stored = ((String) row.get("row")).toLowerCase();
                assertFalse(stored.contains(text.toLowerCase()) || stored.contains(hex), "table " + name + " holds the text");
            }
        }
    }
}
