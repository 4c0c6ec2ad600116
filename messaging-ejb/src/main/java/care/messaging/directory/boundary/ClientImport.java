package care.messaging.directory.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.Newcomers;
import care.messaging.directory.entity.EmailAddress;
import care.messaging.directory.entity.ImportReport;
import care.messaging.directory.entity.NewClient;
import care.messaging.directory.entity.NewGuardian;
import care.messaging.directory.entity.PersonName;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An admin's import of clients from a CSV file (a header row; columns {@code name} and any of {@code date_of_birth},
 * {@code minor}, {@code email}, {@code guardian_name}, {@code guardian_email}, {@code guardian2_name},
 * {@code guardian2_email}). {@code preview} creates nothing and says line by line what would be created and what is
 * wrong; {@code all} creates every line or, when any line is invalid, nothing; {@code valid-lines} creates the valid
 * lines and skips the others. Every line is checked as a client added by hand is, and against the earlier lines
 * (an e-mail address twice). One transaction, under the practice's directory lock.
 */
@Stateless
public class ClientImport {

    public static final String PREVIEW = "preview";
    public static final String ALL = "all";
    public static final String VALID_LINES = "valid-lines";

    static final String NAME = "name";
    static final String DATE_OF_BIRTH = "date_of_birth";
    static final String MINOR = "minor";
    static final String EMAIL = "email";
    static final List<String> GUARDIAN_NAMES = List.of("guardian_name", "guardian2_name");
    static final List<String> GUARDIAN_EMAILS = List.of("guardian_email", "guardian2_email");
    static final Set<String> COLUMNS = Set.of(NAME, DATE_OF_BIRTH, MINOR, EMAIL, "guardian_name", "guardian_email",
            "guardian2_name", "guardian2_email");

    @Inject
    Accounts accounts;
    @Inject
    Newcomers newcomers;
    @Inject
    AuditTrail audit;
    @Inject
    @ConfigProperty(name = "messaging.directory.import.max-lines", defaultValue = "1000")
    int maxLines;

    @Attempts(Action.CLIENT_IMPORT)
    public ImportReport importClients(Identity identity, String mode, String csv) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        if (mode == null || !List.of(PREVIEW, ALL, VALID_LINES).contains(mode)) {
            throw new DomainException(ProblemType.INVALID_IMPORT_MODE, "mode must be preview, all or valid-lines");
        }
        var practice = admin.practiceId();
        newcomers.lock(practice);
        var checked = check(practice, csv == null ? "" : csv);
        var invalid = (int) checked.stream().filter(c -> c.client == null).count();
        if (ALL.equals(mode) && invalid > 0) {
            var lines = checked.stream().filter(c -> c.client == null).limit(10).map(c -> String.valueOf(c.line)).toList();
            throw new DomainException(ProblemType.IMPORT_HAS_INVALID_LINES, invalid + " of " + checked.size() + " lines are invalid (line "
                    + String.join(", ", lines) + (invalid > 10 ? ", …" : "") + "): nothing was created; a preview says what is wrong");
        }
        var results = new ArrayList<ImportReport.Line>();
        var created = 0;
        for (var c : checked) {
            var minor = c.client != null && c.client.isMinor(newcomers.today(), newcomers.ageOfMajority());
            var guardians = c.client == null ? 0 : c.client.guardians().size();
            if (c.client == null) {
                results.add(new ImportReport.Line(c.line, c.displayName, false, 0, PREVIEW.equals(mode) ? "invalid" : "skipped", null, c.problems));
            } else if (PREVIEW.equals(mode)) {
                results.add(new ImportReport.Line(c.line, c.displayName, minor, guardians, "valid", null, List.of()));
            } else {
                var client = newcomers.addClient(practice, c.client);
                audit.record(admin.actor(), Action.CLIENT_ADD, SUCCESS, Targets.client(client.id()));
                results.add(new ImportReport.Line(c.line, c.displayName, minor, guardians, "created", client.id(), List.of()));
                created++;
            }
        }
        if (created > 0) {
            audit.record(admin.actor(), Action.CLIENT_IMPORT, SUCCESS, Targets.none());
        }
        return new ImportReport(mode, checked.size(), checked.size() - invalid, invalid, created, results);
    }

    /** A line of the file: the client it describes, or (null) the problems that stop it. */
    record Checked(long line, String displayName, NewClient client, List<ImportReport.Problem> problems) {
    }

    List<Checked> check(java.util.UUID practice, String csv) {
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(false).get();
        var checked = new ArrayList<Checked>();
        var taken = new HashSet<EmailAddress>();
        var inUse = newcomers.emailsOf(practice); // once for the file: every line is checked against it
        var text = stripBom(csv);
        var lines = new LineCounter(text);
        try (var parser = CSVParser.parse(new StringReader(text), format)) {
            var columns = columns(parser.getHeaderNames());
            for (var record : parser) {
                if (checked.size() >= maxLines) {
                    throw new DomainException(ProblemType.IMPORT_TOO_LARGE, "An import takes at most " + maxLines + " clients: split the file");
                }
                if (record.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                var line = check(record, columns, lines.at(record.getCharacterPosition()), taken, inUse);
                if (line.client != null) {
                    taken.addAll(line.client.emails());
                }
                checked.add(line);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Commons CSV: a duplicate or empty header name, an unterminated quote, a stray character after one.
            throw new DomainException(ProblemType.INVALID_CSV, "The file is not CSV with a header row this import reads"
                    + " (check its quotes and column names)");
        }
        if (checked.isEmpty()) {
            throw new DomainException(ProblemType.INVALID_CSV, "The file has a header row but no client lines");
        }
        return checked;
    }

    /** Header name as given → the column it is, once each; an unknown column is refused by its name (never a value). */
    static Map<String, String> columns(List<String> header) {
        var columns = new LinkedHashMap<String, String>();
        for (var given : header) {
            var column = given.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (!COLUMNS.contains(column) || columns.containsValue(column)) {
                throw new DomainException(ProblemType.INVALID_CSV, "Unknown or repeated column '" + printable(given)
                        + "': the columns are name, date_of_birth, minor, email, guardian_name, guardian_email, guardian2_name, guardian2_email");
            }
            columns.put(given, column);
        }
        if (!columns.containsValue(NAME)) {
            throw new DomainException(ProblemType.INVALID_CSV, "The header row needs a name column");
        }
        return columns;
    }

    Checked check(CSVRecord record, Map<String, String> columns, long line, Set<EmailAddress> taken, Set<String> inUse) {
        var values = new LinkedHashMap<String, String>();
        columns.forEach((given, column) -> values.put(column, record.isSet(given) ? record.get(given) : ""));
        var problems = new ArrayList<ImportReport.Problem>();
        var name = field(problems, NAME, values, PersonName::parse);
        var dateOfBirth = field(problems, DATE_OF_BIRTH, values, ClientIntake::dateOfBirth);
        var minor = field(problems, MINOR, values, ClientImport::minor);
        var email = field(problems, EMAIL, values, EmailAddress::parse);
        var guardians = new ArrayList<NewGuardian>();
        for (var i = 0; i < GUARDIAN_NAMES.size(); i++) {
            var guardianName = values.getOrDefault(GUARDIAN_NAMES.get(i), "");
            var guardianEmail = field(problems, GUARDIAN_EMAILS.get(i), values, EmailAddress::parse);
            if (!guardianName.isEmpty() || guardianEmail != null) {
                var parsed = field(problems, GUARDIAN_NAMES.get(i), values, PersonName::parse);
                if (parsed != null) {
                    guardians.add(new NewGuardian(parsed, guardianEmail));
                }
            }
        }
        var shown = name == null ? null : name.value();
        if (!problems.isEmpty()) {
            return new Checked(line, shown, null, problems);
        }
        var client = new NewClient(name, dateOfBirth, minor, email, guardians);
        for (var problem : newcomers.problems(client, taken, inUse)) {
            problems.add(new ImportReport.Problem(columnOf(problem.problem()), problem.type(), problem.title()));
        }
        return new Checked(line, shown, problems.isEmpty() ? client : null, problems);
    }

    static <T> T field(List<ImportReport.Problem> problems, String column, Map<String, String> values, Function<String, T> parse) {
        try {
            return parse.apply(values.getOrDefault(column, ""));
        } catch (DomainException e) {
            problems.add(new ImportReport.Problem(column, e.type(), e.title()));
            return null;
        }
    }

    static String columnOf(ProblemType problem) {
        return switch (problem) {
            case INVALID_DATE_OF_BIRTH -> DATE_OF_BIRTH;
            case GUARDIAN_REQUIRED, GUARDIANS_OF_ADULT, TOO_MANY_GUARDIANS -> GUARDIAN_NAMES.get(0);
            case EMAIL_OF_MINOR -> EMAIL;
            default -> null; // an address in use or repeated: the client's or a guardian's, the detail says which kind
        };
    }

    static Boolean minor(String given) {
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "yes", "y", "true", "1" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> throw new DomainException(ProblemType.INVALID_MINOR, "minor must be yes or no (or left empty: from the date of birth)");
        };
    }

    /** The file's line a record starts on (the header is line 1), so an admin finds it in their spreadsheet; positions only grow. */
    static final class LineCounter {
        final String text;
        int position;
        long line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        long at(long characterPosition) {
            var end = (int) Math.min(characterPosition, text.length());
            for (; position < end; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            // The position is where the parser began to read, before the empty lines it skipped: a record never
            // starts with a line break, so the first character after them is where it starts.
            for (; position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n'); position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /** Spreadsheets save CSV with a byte order mark, which would be part of the first column's name. */
    static String stripBom(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }

    static String printable(String given) {
        var cleaned = given.codePoints().filter(c -> !Character.isISOControl(c)).limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned;
    }
}
