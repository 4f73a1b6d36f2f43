package dev.steward.console.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A peer answered 4xx: its problem is shown on the page, beside the fields it names. */
public class PeerRefused extends RuntimeException {

    private final transient Problem problem;
    private final transient JsonNode document;
    private final Long retryAfterSeconds;

    public PeerRefused(Problem problem) {
        this(problem, null, null);
    }

    /** With the whole problem document (for its extension members) and the Retry-After of a 429. */
    public PeerRefused(Problem problem, JsonNode document, Long retryAfterSeconds) {
        super("peer answered " + problem.status(), null, false, false);
        this.problem = problem;
        this.document = document == null ? MissingNode.getInstance() : document;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem's type without its base (".../wrong-code" gives "wrong-code"); empty when it has none. */
    public String kind() {
        String type = problem.type();
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    /** An extension member of the problem document (such as attemptsLeft); missing when absent. */
    public JsonNode extension(String name) {
        return document.path(name);
    }

    /** Seconds the peer asked to wait (Retry-After), when it said. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
