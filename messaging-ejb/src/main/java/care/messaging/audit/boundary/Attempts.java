package care.messaging.audit.boundary;

import care.messaging.audit.entity.Action;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The action a boundary method performs, as a refusal of it is recorded by {@link AccessDenials}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Attempts {

    Action value();
}
