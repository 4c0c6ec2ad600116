package care.messaging.directory.entity;

import java.util.List;
import java.util.UUID;

/**
 * What an import of clients found, line by line: in a preview what would be created ({@code valid}) and what is
 * wrong ({@code invalid}); after an import what was created and what was skipped.
 */
public record ImportReport(String mode, int lines, int valid, int invalid, int created, List<Line> results) {

    /** A problem of one line, with the column it is in (null when it concerns the line as a whole). */
    public record Problem(String column, String type, String detail) {
    }

    /** One client line: {@code line} is its line number in the file (the header is line 1). */
    public record Line(long line, String displayName, boolean minor, int guardians, String status, UUID clientId,
                       List<Problem> problems) {
    }
}
