package dev.steward.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names each invalid field so that a person (or the
 * portal) can point at exactly what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://steward.dev/problems/";

    /** One invalid input: where it is (a JSON pointer-like dotted path) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
