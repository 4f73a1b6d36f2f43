package dev.steward.platform.problem;

import java.util.List;

/**
 * Thrown by domain code to answer with a specific problem. Carries no stack trace: it is an
 * answer to the caller, not a fault of the service.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail, Problem.FieldError... errors) {
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail)
                .withErrors(List.of(errors)));
    }

    public static ProblemException unprocessable(String slug, String title, String detail,
                                                 Problem.FieldError... errors) {
        return new ProblemException(Problem.of(422, slug, title, detail).withErrors(List.of(errors)));
    }

    /** 404 is also what another tenant's or subject's ids answer: existence is never revealed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found"));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }
}
