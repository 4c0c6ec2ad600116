package care.messaging.audit.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a boundary parameter holding the id of what the call is about, so a refusal names it too. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditTarget {

    Kind value();

    enum Kind { CONVERSATION, MESSAGE, CLIENT, ACCOUNT }
}
