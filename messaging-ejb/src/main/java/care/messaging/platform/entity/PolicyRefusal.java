package care.messaging.platform.entity;

/**
 * A conflict that a setting decided (messaging switched off, a client blocked, discharged), or content that
 * policy refuses (a file with malware in it): the request was well formed and the caller may see what it
 * names, but policy says no. Unlike other conflicts it is an access decision (for malware, a security
 * event), so AccessDenials records it like a 403 or 404, in a transaction of its own that survives the
 * rollback of the refused one.
 */
public class PolicyRefusal extends DomainException {

    public PolicyRefusal(ProblemType problem, String title) {
        super(conflict(problem), title);
    }

    static ProblemType conflict(ProblemType problem) {
        if (problem.kind() != ProblemType.Kind.CONFLICT && problem.kind() != ProblemType.Kind.UNPROCESSABLE) {
            throw new IllegalArgumentException(problem + " is not a conflict or unprocessable content");
        }
        return problem;
    }
}
