package care.messaging.directory.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A client an admin adds, by hand or from a line of a CSV file. An adult gets a portal account of their own (under
 * the client's name and e-mail); a minor gets none and is reached through one or more guardians. Whether the client
 * is a minor is the admin's {@code minor} flag when given (it wins: the admin knows of emancipation or guardianship),
 * otherwise their age on the day, from the date of birth; neither given: an adult.
 */
public record NewClient(PersonName name, LocalDate dateOfBirth, Boolean minorFlag, EmailAddress email, List<NewGuardian> guardians) {

    public static final int MAX_GUARDIANS = 4;
    /** The oldest date of birth taken: older is a typing mistake. */
    public static final int MAX_AGE = 130;

    public NewClient {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
    }

    public boolean isMinor(LocalDate today, int ageOfMajority) {
        if (minorFlag != null) {
            return minorFlag;
        }
        return dateOfBirth != null && dateOfBirth.plusYears(ageOfMajority).isAfter(today);
    }

    /** What is wrong with it on its own (not yet what the directory holds), first problem first; empty: nothing. */
    public List<DomainException> problems(LocalDate today, int ageOfMajority) {
        var problems = new ArrayList<DomainException>();
        if (dateOfBirth != null && (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(MAX_AGE)))) {
            problems.add(new DomainException(ProblemType.INVALID_DATE_OF_BIRTH,
                    "dateOfBirth must be a date (YYYY-MM-DD) in the past " + MAX_AGE + " years"));
        }
        var minor = isMinor(today, ageOfMajority);
        if (minor && guardians.isEmpty()) {
            problems.add(new DomainException(ProblemType.GUARDIAN_REQUIRED, "A minor needs at least one guardian"));
        }
        if (minor && email != null) {
            problems.add(new DomainException(ProblemType.EMAIL_OF_MINOR,
                    "A minor has no portal account of their own: give their guardians' e-mail addresses instead"));
        }
        if (!minor && !guardians.isEmpty()) {
            problems.add(new DomainException(ProblemType.GUARDIANS_OF_ADULT,
                    "Only a minor has guardians: an adult client signs in to the portal themself"));
        }
        if (guardians.size() > MAX_GUARDIANS) {
            problems.add(new DomainException(ProblemType.TOO_MANY_GUARDIANS, "A client has at most " + MAX_GUARDIANS + " guardians"));
        }
        var seen = new HashSet<EmailAddress>();
        for (var address : emails()) {
            if (!seen.add(address)) {
                problems.add(new DomainException(ProblemType.DUPLICATE_EMAIL, "Two of the people added have the same e-mail address"));
                break;
            }
        }
        return problems;
    }

    /** The e-mail addresses the new portal accounts would record. */
    public List<EmailAddress> emails() {
        var emails = new ArrayList<EmailAddress>();
        if (email != null) {
            emails.add(email);
        }
        guardians.stream().map(NewGuardian::email).filter(e -> e != null).forEach(emails::add);
        return emails;
    }
}
