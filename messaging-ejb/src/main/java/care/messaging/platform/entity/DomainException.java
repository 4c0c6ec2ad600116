package care.messaging.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * Base of every failure the business components report on purpose. {@link #problem()} is its stable
 * problem type, whose {@link ProblemType.Kind kind} lets the web layer pick the status without the EJB
 * module knowing HTTP; {@link #type()} is that type's slug. Messages never carry PHI.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private final ProblemType problem;
    private final long retryAfterSeconds;

    public DomainException(ProblemType problem, String title) {
        this(problem, title, 0);
    }

    private DomainException(ProblemType problem, String title, long retryAfterSeconds) {
        super(title, null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static DomainException notFound() {
        return new DomainException(ProblemType.NOT_FOUND, "No such resource");
    }

    /** Refused for now, not for good: the same request may succeed after the given number of seconds (at least 1). */
    public static DomainException tooManyRequests(ProblemType problem, String title, long retryAfterSeconds) {
        return new DomainException(problem, title, Math.max(1, retryAfterSeconds));
    }

    public ProblemType problem() {
        return problem;
    }

    public ProblemType.Kind kind() {
        return problem.kind();
    }

    /** The problem type's slug, as problem documents and audit rows name it. */
    public String type() {
        return problem.slug();
    }

    public String title() {
        return getMessage();
    }

    /** Seconds until a retry may succeed; 0 unless the kind is {@link ProblemType.Kind#TOO_MANY_REQUESTS}. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
