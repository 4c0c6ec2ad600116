package care.messaging.directory.entity;

/** A guardian an admin adds for a minor: the name the portal greets them by, and where their invitation goes. */
public record NewGuardian(PersonName name, EmailAddress email) {
}
