package care.messaging.platform.entity;

/**
 * A conflict that a setting decided (messaging switched off, a client blocked, discharged): the request
 * was well formed and the caller may see what it names, but policy says no. Unlike other conflicts it is
 * an access decision, so AccessDenials records it like a 403 or 404.
 */
public class PolicyRefusal extends DomainException {

    public PolicyRefusal(ProblemType problem, String title) {
        super(conflict(problem), title);
    }

    static ProblemType conflict(ProblemType problem) {
        if (problem.kind() != ProblemType.Kind.CONFLICT) {
            throw new IllegalArgumentException(problem + " is not a conflict");
        }
        return problem;
    }
}
