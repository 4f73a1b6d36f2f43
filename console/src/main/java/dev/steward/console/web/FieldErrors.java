package dev.steward.console.web;

import dev.steward.console.peer.Problem;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A refused form's problem, arranged for the page: the general message on top and each field's
 * messages beside its input. A form field collects the API's errors for its name and the names
 * under it ("subjects" shows "subjects[0].id" too).
 */
@TemplateData
public record FieldErrors(Problem problem) {

    public static final FieldErrors NONE = new FieldErrors(null);

    public boolean any() {
        return problem != null;
    }

    public String message() {
        return problem == null ? null : problem.message();
    }

    public String title() {
        return problem == null ? null : problem.title();
    }

    /** The messages for one field (and the fields under it), joined; null when it has none. */
    public String of(String field) {
        if (problem == null) {
            return null;
        }
        List<String> messages = problem.errors().stream()
                .filter(e -> e.field() != null && (e.field().equals(field) || e.field().startsWith(field + ".")
                        || e.field().startsWith(field + "[")))
                .map(e -> e.field().equals(field) ? e.message() : e.field() + " " + e.message()).toList();
        return messages.isEmpty() ? null : messages.stream().collect(Collectors.joining("; "));
    }
}
