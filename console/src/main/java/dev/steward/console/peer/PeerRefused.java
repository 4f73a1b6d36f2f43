package dev.steward.console.peer;

/** A peer answered 4xx: its problem is shown on the page, beside the fields it names. */
public class PeerRefused extends RuntimeException {

    private final transient Problem problem;

    public PeerRefused(Problem problem) {
        super("peer answered " + problem.status(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
