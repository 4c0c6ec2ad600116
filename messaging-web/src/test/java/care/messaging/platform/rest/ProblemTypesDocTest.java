package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/problems.md and {@link ProblemType} list the same types, once each, with the status the web layer
 * answers each with: a type added to the enum without its line in the page fails here, and so does a line
 * for a type the API does not have.
 */
class ProblemTypesDocTest {

    static final Path PAGE = Path.of(System.getProperty("messaging.docs", "../docs"), "problems.md");
    /** A table row of the page: | `type` | status | when | what to do | */
    static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+?) \\|");

    @Test
    void thePageListsEveryTypeOfTheEnumAndNoOther() throws IOException {
        var inEnum = new TreeSet<>(Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList());
        var onPage = new TreeSet<>(rows().keySet());

        var missing = new TreeSet<>(inEnum);
        missing.removeAll(onPage);
        var unknown = new TreeSet<>(onPage);
        unknown.removeAll(inEnum);
        assertAll(
                () -> assertTrue(missing.isEmpty(), () -> "types missing from " + PAGE + ": " + missing),
                () -> assertTrue(unknown.isEmpty(), () -> "types on " + PAGE + " the API does not have: " + unknown));
    }

    @Test
    void eachListedTypeHasTheStatusItIsAnsweredWith() throws IOException {
        var rows = rows();
        var answered = new TreeMap<String, String>();
        var listed = new TreeMap<String, String>();
        for (var type : ProblemType.values()) {
            if (rows.containsKey(type.slug())) {
                answered.put(type.slug(), type.kind() == ProblemType.Kind.REFUSED ? "4xx" : String.valueOf(Problems.status(type.kind())));
                listed.put(type.slug(), rows.get(type.slug()));
            }
        }

        assertEquals(answered, listed);
    }

    /** The page's rows, type to status; fails on a type listed twice. */
    static Map<String, String> rows() throws IOException {
        var rows = new LinkedHashMap<String, String>();
        var twice = new ArrayList<String>();
        for (var line : Files.readAllLines(PAGE)) {
            var row = ROW.matcher(line);
            if (row.find() && rows.put(row.group(1), row.group(2)) != null) {
                twice.add(row.group(1));
            }
        }
        assertTrue(twice.isEmpty(), () -> "listed more than once: " + twice);
        assertTrue(!rows.isEmpty(), () -> "no type rows in " + PAGE);
        return rows;
    }
}
