package care.messaging.audit.boundary;

import care.messaging.audit.entity.Action;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The action a boundary method performs; a refusal of it is recorded by {@link AccessDenials}, which this
 * annotation binds to the method (one annotation, nothing to pair it with on the class). The action is
 * {@link Nonbinding}: one interceptor serves every action.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Attempts {

    @Nonbinding
    Action value();
}
