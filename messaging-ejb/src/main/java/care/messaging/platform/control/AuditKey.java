package care.messaging.platform.control;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The audit trail's MAC key ({@code javax.crypto.SecretKey}): {@code crypto} produces it from the key ring,
 * {@code audit} injects it, so the audit, which every component writes to, knows no component's classes.
 * Inject it as a {@code Provider} and ask for it at each use: the key ring reloads a changed keystore.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface AuditKey {
}
