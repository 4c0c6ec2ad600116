package care.messaging.platform.control;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The directory's answer to "whose account is behind this token subject", as a
 * {@code Function<String, Optional<Actor>>}: {@code directory} produces it, {@code audit} injects it to
 * attribute a refusal to the account that was refused (enabled or not), so the audit, which every
 * component writes to, knows no component's classes. It runs in the caller's transaction.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface ActorOfSubject {
}
