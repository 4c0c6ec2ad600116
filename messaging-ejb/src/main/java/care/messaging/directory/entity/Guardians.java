package care.messaging.directory.entity;

import java.util.List;

/** How both apps name a minor's guardians: "Jordan Lee, guardian of Sam Lee", or several as guardians. */
public final class Guardians {

    /** What queries put between guardians' names, {@code string_agg(name, chr(31))}: a character no name holds. */
    public static final String SEPARATOR = "\u001f";

    private Guardians() {
    }

    /** The note for names aggregated with {@link #SEPARATOR}; null when there are none. */
    public static String note(String aggregated, String child) {
        return aggregated == null ? null : note(List.of(aggregated.split(SEPARATOR)), child);
    }

    /** "Jordan Lee, guardian of Sam Lee"; with co-guardians "Jordan Lee and Pat Lee, guardians of Sam Lee". */
    public static String note(List<String> guardians, String child) {
        if (guardians.size() == 1) {
            return guardians.get(0) + ", guardian of " + child;
        }
        var last = guardians.size() - 1;
        return String.join(", ", guardians.subList(0, last)) + " and " + guardians.get(last) + ", guardians of " + child;
    }
}
