package care.messaging.audit.control;

import care.messaging.audit.entity.ExportedEvent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it (CRLF line ends; a cell with a comma, quote or line break quoted, quotes
 * doubled), made safe to open in a spreadsheet: a cell that starts with = + - @ or a tab or carriage
 * return would be taken for a formula, so it gets a leading single quote.
 */
public final class Csv {

    static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    public static String of(List<ExportedEvent> events) {
        var out = new StringBuilder(row(ExportedEvent.COLUMNS));
        events.forEach(e -> out.append(row(e.cells())));
        return out.toString();
    }

    static String row(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        var text = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
